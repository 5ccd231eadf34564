import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentChannel } from '../src/channels.js';
import { type CommentHint } from '../src/hints.js';
import { type RealtimeServer, createRealtimeServer } from '../src/realtime-server.js';
import { type Reader, createReader } from './support/faye-reader.js';
import { listenOnLoopback } from './support/http-server.js';
import { createRecordingLogger } from './support/recording-logger.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const processScript = fileURLToPath(new URL('./support/realtime-process.ts', import.meta.url));

interface ApiProcess {
  origin: string;
  publish(hint: CommentHint): Promise<void>;
  stop(): Promise<void>;
}

async function startApiProcess(redisChannel: string): Promise<ApiProcess> {
  const child: ChildProcess = fork(processScript, [REDIS_URL, redisChannel], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = (field: string): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: Record<string, unknown>): void => {
        if (!(field in message)) return;
        child.off('message', onMessage);
        child.off('exit', reject);
        resolve(message);
      };
      child.on('message', onMessage);
      child.once('exit', reject);
    });
  const { origin } = await next('origin');
  return {
    origin: String(origin),
    async publish(hint) {
      const published = next('published');
      child.send({ publish: hint });
      await published;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ stop: true });
      await exited;
    },
  };
}

describe('Redis bridge across two API processes', () => {
  const redisChannel = `inkwell:realtime:test:${randomUUID()}`;
  let processes: ApiProcess[] = [];
  let readers: Reader[] = [];

  beforeAll(async () => {
    processes = await Promise.all([startApiProcess(redisChannel), startApiProcess(redisChannel)]);
    readers = processes.map((api) => createReader(`${api.origin}/realtime`));
    await Promise.all(readers.map((reader) => reader.subscribe(commentChannel(1))));
  });

  afterAll(async () => {
    for (const reader of readers) reader.close();
    await Promise.all(processes.map((api) => api.stop()));
  });

  it('delivers every hint, from either process, exactly once to readers on both', async () => {
    const [first, second] = processes as [ApiProcess, ApiProcess];
    const hints = [1, 2, 3].map((n) => ({ postId: 1, commentCount: n, latestCommentId: 100 + n }));
    await first.publish(hints[0]!);
    await second.publish(hints[1]!);
    // Hints pass through one Redis channel in order; once the last has arrived, an echo or a
    // duplicate of the earlier ones would already be in the list.
    await first.publish(hints[2]!);

    for (const reader of readers) {
      await reader.waitFor(commentChannel(1), 3);
      expect(reader.received.get(commentChannel(1))).toEqual(hints);
    }
  });
});

describe('two sites sharing one Redis', () => {
  it('deliver each hint only to readers of the site that published it', async () => {
    const sites = await Promise.all(
      ['a', 'b'].map(async (label) => {
        const http = await listenOnLoopback();
        const realtime = createRealtimeServer({
          redisUrl: REDIS_URL,
          namespace: `inkwell-test-${label}-${randomUUID().slice(0, 8)}`,
          logger: createRecordingLogger(),
        });
        realtime.attach(http.server);
        await realtime.ready();
        const reader = createReader(`${http.origin}/realtime`);
        await reader.subscribe(commentChannel(7));
        return { http, realtime, reader };
      }),
    );
    const [a, b] = sites as [(typeof sites)[number], (typeof sites)[number]];
    try {
      const fromA = { postId: 7, commentCount: 1, latestCommentId: 1 };
      const fromB = { postId: 7, commentCount: 2, latestCommentId: 2 };
      await a.realtime.publishCommentHint(fromA);
      // B's bridge receives in publish order: had A's hint leaked to B, it would be first.
      await b.realtime.publishCommentHint(fromB);
      expect(await b.reader.waitFor(commentChannel(7), 1)).toEqual([fromB]);
      expect(await a.reader.waitFor(commentChannel(7), 1)).toEqual([fromA]);
    } finally {
      for (const site of sites) {
        site.reader.close();
        await site.realtime.close();
        await site.http.close();
      }
    }
  });
});

describe('Redis bridge while Redis is unreachable', () => {
  it('degrades to this process, logs, reports degraded, and never throws', async () => {
    const http = await listenOnLoopback();
    const logger = createRecordingLogger();
    // Port 1 refuses connections: the bridge keeps retrying in the background.
    const realtime: RealtimeServer = createRealtimeServer({
      redisUrl: 'redis://127.0.0.1:1',
      logger,
    });
    realtime.attach(http.server);
    const reader = createReader(`${http.origin}/realtime`);
    try {
      await reader.subscribe(commentChannel(5));
      const hint = { postId: 5, commentCount: 1, latestCommentId: 9 };
      await expect(realtime.publishCommentHint(hint)).resolves.toBeUndefined();

      expect(await reader.waitFor(commentChannel(5), 1)).toEqual([hint]);
      expect(await realtime.health()).toEqual({ status: 'degraded', fanOut: 'redis' });
      expect(logger.warnings).toContain(
        'Realtime: Redis unavailable, hint on /comments/5 reaches this process only',
      );
      expect(
        logger.errors.filter((message) => message.includes('unreachable, retrying')),
      ).toHaveLength(2);
    } finally {
      reader.close();
      await realtime.close();
      await http.close();
    }
  });

  it('reports up once connected to Redis', async () => {
    const realtime = createRealtimeServer({
      redisUrl: REDIS_URL,
      redisChannel: `inkwell:realtime:test:${randomUUID()}`,
      logger: createRecordingLogger(),
    });
    try {
      await realtime.ready();
      expect(await realtime.health()).toEqual({ status: 'up', fanOut: 'redis' });
    } finally {
      await realtime.close();
    }
  });
});
