import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { startStallingRedis } from '../../test/stalling-redis.js';
import {
  createLocalDroppedTagsFeed,
  createRedisDroppedTagsFeed,
  type DroppedTagsFeed,
} from './dropped-tags-feed.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const logger = { warn: () => undefined };
let feeds: DroppedTagsFeed[] = [];

afterEach(async () => {
  await Promise.all(feeds.map((feed) => feed.close()));
  feeds = [];
});

/** Subscribes once the feed can promise drops (a Redis feed, once its subscriber listens). */
async function listen(feed: DroppedTagsFeed, heard: string[][], ended: string[] = []) {
  let unsubscribe: (() => void) | undefined;
  await expect
    .poll(() => {
      unsubscribe ??= feed.subscribe(
        (tags) => heard.push([...tags]),
        () => ended.push('down'),
      );
      return unsubscribe;
    })
    .toBeDefined();
  return unsubscribe!;
}

describe('the dropped tags feed', () => {
  test('in one process, listeners have the tags when publish resolves', async () => {
    const feed = createLocalDroppedTagsFeed();
    feeds.push(feed);
    const heard: string[][] = [];
    const ended: string[] = [];
    await listen(feed, heard, ended);
    await feed.publish(['post:a', 'listing:all']);
    expect(heard).toEqual([['post:a', 'listing:all']]);
    await feed.close();
    expect(ended).toEqual(['down']);
    expect(
      feed.subscribe(
        () => undefined,
        () => undefined,
      ),
    ).toBeUndefined();
  });

  test('through Redis, a drop published by one process has reached the others when it resolves', async () => {
    const channel = `test-dropped-tags-${randomBytes(4).toString('hex')}`;
    const [a, b] = [0, 1].map(() =>
      createRedisDroppedTagsFeed({ url: REDIS_URL, channel, logger }),
    ) as [DroppedTagsFeed, DroppedTagsFeed];
    feeds.push(a, b);
    const heardA: string[][] = [];
    const heardB: string[][] = [];
    await listen(a, heardA);
    await listen(b, heardB);
    await a.publish(['post:b']);
    // Once each: the sender hears its own drop through Redis, not twice.
    expect(heardA).toEqual([['post:b']]);
    expect(heardB).toEqual([['post:b']]);
  });

  test('another site sharing the Redis (another channel) hears nothing', async () => {
    const a = createRedisDroppedTagsFeed({ url: REDIS_URL, channel: 'test-site-a', logger });
    const b = createRedisDroppedTagsFeed({ url: REDIS_URL, channel: 'test-site-b', logger });
    feeds.push(a, b);
    const heardB: string[][] = [];
    await listen(a, []);
    await listen(b, heardB);
    await a.publish(['settings']);
    await b.publish(['post:c']);
    expect(heardB).toEqual([['post:c']]);
  });

  test('losing Redis ends the subscriptions and refuses new ones: drops could be missed', async () => {
    const redis = await startStallingRedis();
    const feed = createRedisDroppedTagsFeed({ url: redis.url, channel: 'test-lost', logger });
    feeds.push(feed);
    const ended: string[] = [];
    await listen(feed, [], ended);
    await redis.close();
    await expect.poll(() => ended).toEqual(['down']);
    expect(
      feed.subscribe(
        () => undefined,
        () => undefined,
      ),
    ).toBeUndefined();
  });

  test('a stalled Redis does not hold the write that publishes', async () => {
    const redis = await startStallingRedis();
    const feed = createRedisDroppedTagsFeed({ url: redis.url, channel: 'test-stalled', logger });
    feeds.push(feed);
    await listen(feed, []);
    redis.stall();
    try {
      await feed.publish(['post:d']);
    } finally {
      await redis.close();
    }
  });
});
