import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentChannel } from '../src/channels.js';
import { type RealtimeServer, createRealtimeServer } from '../src/realtime-server.js';
import { type Reader, createReader } from './support/faye-reader.js';
import { listenOnLoopback } from './support/http-server.js';
import { createRecordingLogger } from './support/recording-logger.js';

describe('publish guard: the Bayeux endpoint is subscribe-only for clients', () => {
  let http: Awaited<ReturnType<typeof listenOnLoopback>>;
  let realtime: RealtimeServer;
  let reader: Reader;
  let attacker: Reader;

  beforeAll(async () => {
    http = await listenOnLoopback();
    realtime = createRealtimeServer({ logger: createRecordingLogger() });
    realtime.attach(http.server);
    reader = createReader(`${http.origin}/realtime`);
    attacker = createReader(`${http.origin}/realtime`);
    await reader.subscribe(commentChannel(1));
  });

  afterAll(async () => {
    reader.close();
    attacker.close();
    await realtime.close();
    await http.close();
  });

  it('refuses a client publish, even with a guessed secret, and delivers nothing', async () => {
    const fake = { postId: 1, commentCount: 99, latestCommentId: 99 };
    await expect(attacker.client.publish(commentChannel(1), fake)).rejects.toMatchObject({
      code: 403,
    });

    attacker.client.addExtension({
      outgoing(message, callback) {
        if (!message.channel.startsWith('/meta/')) message.ext = { publishSecret: 'guess' };
        callback(message);
      },
    });
    await expect(attacker.client.publish(commentChannel(1), fake)).rejects.toMatchObject({
      code: 403,
    });
    await expect(attacker.client.publish('/service/anything', fake)).rejects.toMatchObject({
      code: 403,
    });

    // Sentinel: the server's own hint arrives, and it is the only one.
    await realtime.publishCommentHint({ postId: 1, commentCount: 1, latestCommentId: 1 });
    expect(await reader.waitFor(commentChannel(1), 1)).toEqual([
      { postId: 1, commentCount: 1, latestCommentId: 1 },
    ]);
  });

  it.each([
    '/**',
    '/*',
    '/comments/*',
    '/comments/**',
    '/comments/abc',
    '/comments/0',
    '/drafts',
    '/posts/1',
  ])('refuses a subscription to %s', async (channel) => {
    await expect(attacker.client.subscribe(channel, () => undefined)).rejects.toMatchObject({
      code: 403,
    });
  });

  it('accepts subscriptions to exact hint channels', async () => {
    await expect(
      attacker.client.subscribe(commentChannel(123), () => undefined),
    ).resolves.toBeUndefined();
    await expect(attacker.client.subscribe('/posts', () => undefined)).resolves.toBeUndefined();
  });
});
