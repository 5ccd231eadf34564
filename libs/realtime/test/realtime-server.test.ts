import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POSTS_CHANNEL, commentChannel } from '../src/channels.js';
import { type RealtimeServer, createRealtimeServer } from '../src/realtime-server.js';
import { type Reader, createReader } from './support/faye-reader.js';
import { listenOnLoopback } from './support/http-server.js';
import { type RecordingLogger, createRecordingLogger } from './support/recording-logger.js';

describe('realtime server (single process)', () => {
  let http: Awaited<ReturnType<typeof listenOnLoopback>>;
  let realtime: RealtimeServer;
  let logger: RecordingLogger;
  let endpoint: string;
  const readers: Reader[] = [];
  const reader = (options?: { websocket?: boolean }): Reader => {
    const created = createReader(endpoint, options);
    readers.push(created);
    return created;
  };

  beforeEach(async () => {
    http = await listenOnLoopback();
    logger = createRecordingLogger();
    realtime = createRealtimeServer({ logger });
    realtime.attach(http.server);
    await realtime.ready();
    endpoint = `${http.origin}/realtime`;
  });

  afterEach(async () => {
    for (const created of readers.splice(0)) created.close();
    await realtime.close();
    await http.close();
  });

  it("delivers a comment hint to the post's readers within 500 ms, and to no other post's", async () => {
    const post1 = reader();
    const post2 = reader();
    await post1.subscribe(commentChannel(1));
    await post2.subscribe(commentChannel(2));

    await realtime.publishCommentHint({ postId: 1, commentCount: 3, latestCommentId: 17 });
    expect(await post1.waitFor(commentChannel(1), 1, 500)).toEqual([
      { postId: 1, commentCount: 3, latestCommentId: 17 },
    ]);

    // Hints on one server arrive in publish order: if post 2's reader had been sent post 1's
    // hint, it would come before this one.
    await realtime.publishCommentHint({ postId: 2, commentCount: 1, latestCommentId: 18 });
    expect(await post2.waitFor(commentChannel(2), 1)).toEqual([
      { postId: 2, commentCount: 1, latestCommentId: 18 },
    ]);
    expect(post2.rawMessages.map((message) => message.channel)).toEqual([commentChannel(2)]);
  });

  it('never shows subscribers the publish secret or any extension data', async () => {
    const post1 = reader();
    await post1.subscribe(commentChannel(1));
    await realtime.publishCommentHint({ postId: 1, commentCount: 1, latestCommentId: 5 });
    await post1.waitFor(commentChannel(1), 1);

    const [message] = post1.rawMessages;
    expect(message).toBeDefined();
    expect(message?.ext).toBeUndefined();
    expect(JSON.stringify(message)).not.toMatch(/secret/i);
  });

  it('announces published posts on /posts', async () => {
    const front = reader();
    await front.subscribe(POSTS_CHANNEL);
    await realtime.publishPostHint({ postId: 9, slug: 'faye-in-practice' });
    expect(await front.waitFor(POSTS_CHANNEL, 1)).toEqual([
      { postId: 9, slug: 'faye-in-practice' },
    ]);
  });

  it('refuses to publish a hint carrying content, logs it, and does not throw', async () => {
    const post1 = reader();
    await post1.subscribe(commentChannel(1));
    const leaky = {
      postId: 1,
      commentCount: 2,
      latestCommentId: 3,
      body: 'secret draft',
      authorEmail: 'a@b.c',
    };

    await expect(realtime.publishCommentHint(leaky)).resolves.toBeUndefined();
    await realtime.publishCommentHint({ postId: 1, commentCount: 2, latestCommentId: 3 });

    expect(await post1.waitFor(commentChannel(1), 1)).toEqual([
      { postId: 1, commentCount: 2, latestCommentId: 3 },
    ]);
    expect(logger.errors).toEqual(['Realtime: refused to publish an invalid hint']);
  });

  it('still delivers when websockets are unavailable (long-polling fallback)', async () => {
    const polling = reader({ websocket: false });
    await polling.subscribe(commentChannel(4));
    await realtime.publishCommentHint({ postId: 4, commentCount: 1, latestCommentId: 1 });
    expect(await polling.waitFor(commentChannel(4), 1)).toEqual([
      { postId: 4, commentCount: 1, latestCommentId: 1 },
    ]);
  });

  it('leaves the browser client paths to the application: the site serves the client', async () => {
    for (const path of ['/client.js', '/faye-browser-min.js', '/faye-browser-min.js.map']) {
      expect((await fetch(`${endpoint}${path}`)).status).toBe(404);
    }
    expect((await fetch(`${endpoint}.js`)).status).toBe(404);
  });

  it('leaves routes outside the mount to the application', async () => {
    const response = await fetch(`${http.origin}/posts`);
    expect(response.status).toBe(404);
  });

  it('reports itself up without Redis', async () => {
    expect(await realtime.health()).toEqual({ status: 'up', fanOut: 'single-process' });
  });
});

describe('realtime server options', () => {
  it('mounts on a configured path', async () => {
    const http = await listenOnLoopback();
    const realtime = createRealtimeServer({
      mount: '/live/bayeux',
      logger: createRecordingLogger(),
    });
    realtime.attach(http.server);
    const reader = createReader(`${http.origin}/live/bayeux`);
    try {
      await reader.subscribe(commentChannel(7));
      await realtime.publishCommentHint({ postId: 7, commentCount: 1, latestCommentId: 2 });
      expect(await reader.waitFor(commentChannel(7), 1)).toHaveLength(1);
      expect((await fetch(`${http.origin}/live/bayeux/client.js`)).status).toBe(404);
    } finally {
      reader.close();
      await realtime.close();
      await http.close();
    }
  });

  it('rejects a malformed mount at start', () => {
    expect(() => createRealtimeServer({ mount: 'realtime/' })).toThrow(/mount/);
  });
});

describe('realtime server observer', () => {
  it('is told of each session opened and ended, and of each hint published', async () => {
    const http = await listenOnLoopback();
    const seen = { connected: 0, disconnected: 0, hints: [] as string[] };
    const realtime = createRealtimeServer({
      logger: createRecordingLogger(),
      observer: {
        clientConnected: () => void (seen.connected += 1),
        clientDisconnected: () => void (seen.disconnected += 1),
        hintPublished: (kind) => void seen.hints.push(kind),
      },
    });
    realtime.attach(http.server);
    try {
      await realtime.ready();
      const reader = createReader(`${http.origin}/realtime`);
      await reader.subscribe(commentChannel(1));
      // The reader, and the server's own publishing client once it publishes.
      await realtime.publishCommentHint({ postId: 1, commentCount: 1, latestCommentId: 2 });
      await realtime.publishPostHint({ postId: 9, slug: 'faye-in-practice' });
      await reader.waitFor(commentChannel(1), 1);
      expect(seen.connected).toBe(2);
      expect(seen.hints).toEqual(['comment', 'post']);
      reader.close();
      await expect.poll(() => seen.disconnected).toBe(1);
    } finally {
      await realtime.close();
      await http.close();
    }
  });
});
