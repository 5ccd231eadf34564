import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type Hint, commentChannel, watchChannels } from '../src/browser/index.js';
import { FayeNodeClient } from '../src/faye.js';
import { createRealtimeServer } from '../src/realtime-server.js';
import { listenOnLoopback } from './support/http-server.js';
import { createRecordingLogger } from './support/recording-logger.js';

describe('browser helper against a real server', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('goes live and hands the page each published hint', async () => {
    const http = await listenOnLoopback();
    const realtime = createRealtimeServer({ logger: createRecordingLogger() });
    realtime.attach(http.server);
    cleanups.push(
      () => http.close(),
      () => realtime.close(),
    );

    const hints: Hint[] = [];
    let refreshes = 0;
    const received = new Promise<void>((resolveReceived) => {
      const watch = watchChannels({
        apiOrigin: http.origin,
        channels: [commentChannel(3)],
        onHint: (_channel, hint) => {
          hints.push(hint);
          resolveReceived();
        },
        onRefresh: () => refreshes++,
        loadClient: async () => FayeNodeClient,
      });
      cleanups.push(() => watch.stop());
      const publishOnceLive = setInterval(() => {
        if (watch.status !== 'live') return;
        clearInterval(publishOnceLive);
        void realtime.publishCommentHint({ postId: 3, commentCount: 2, latestCommentId: 8 });
      }, 10);
      cleanups.push(() => clearInterval(publishOnceLive));
    });

    await received;
    expect(hints).toEqual([{ postId: 3, commentCount: 2, latestCommentId: 8 }]);
    expect(refreshes).toBe(0);
  });
});

describe('browser entry point', () => {
  it('imports nothing but its own Node-free modules', () => {
    const entry = fileURLToPath(new URL('../src/browser/index.ts', import.meta.url));
    const seen = new Set<string>();
    const bareImports: string[] = [];
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const [, specifier] of source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        if (!specifier) continue;
        if (!specifier.startsWith('.')) bareImports.push(`${file}: ${specifier}`);
        else visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      }
    };
    visit(entry);
    expect(bareImports).toEqual([]);
    expect(seen.size).toBeGreaterThan(4);
  });
});
