import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cacheMemoize, createInkwellCache, type InkwellCache } from '../src/index.js';
import { openTestClient, REDIS_URL, removeNamespace, uniqueNamespace } from './support/redis.js';
import { TcpProxy } from './support/tcp-proxy.js';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function untilHealthy(cache: InkwellCache): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if ((await cache.health()).status === 'ok') return;
    await sleep(50);
  }
  throw new Error('the cache did not recover');
}

describe('a Redis URL pointing at a closed port', () => {
  it('runs calls uncached, once per key at a time, logs once, counts errors and reports failing health', async () => {
    const logger = { warn: vi.fn() };
    const cache = createInkwellCache({
      namespace: uniqueNamespace('closed'),
      redisUrl: `redis://127.0.0.1:${await closedPort()}`,
      logger,
    });
    try {
      await cache.ready();
      const compute = vi.fn(async (id: number) => `post ${id}`);
      const fn = cacheMemoize(60, { prefix: 'posts', cache })(compute);

      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => fn(i % 2)));
      expect(results).toEqual(Array.from({ length: 20 }, (_, i) => `post ${i % 2}`));
      // Concurrent misses in one process still share one computation per key.
      expect(compute).toHaveBeenCalledTimes(2);
      expect(logger.warn).toHaveBeenCalledTimes(1);
      expect(cache.metrics.counters('posts').error).toBe(20);
      expect(await cache.health()).toMatchObject({ status: 'failing', store: 'redis' });
      expect(logger.warn).toHaveBeenCalledTimes(1);
    } finally {
      await cache.close();
    }
  });
});

describe('the real Redis made slow, then unreachable, mid-test', () => {
  const namespace = uniqueNamespace('outage');
  const proxy = new TcpProxy('127.0.0.1', 6379);
  let cache: InkwellCache;
  const logger = { warn: vi.fn() };

  beforeAll(async () => {
    await proxy.start();
    // Wide enough for a loaded machine, far below the stall, which lasts until resume().
    cache = createInkwellCache({ namespace, redisUrl: proxy.url, logger, operationTimeoutMs: 250 });
    await cache.ready();
  });

  afterAll(async () => {
    await cache.close();
    await proxy.close();
    const client = await openTestClient();
    await removeNamespace(client, namespace);
    client.destroy();
  });

  it('answers from the function while Redis stalls, and from the cache again once it answers', async () => {
    const compute = vi.fn(async (id: number) => `post ${id}`);
    const fn = cacheMemoize(60, { prefix: 'slow', cache })(compute);
    expect(await fn(1)).toBe('post 1');
    expect(await fn(1)).toBe('post 1');
    expect(compute).toHaveBeenCalledTimes(1);

    proxy.stall();
    expect(await fn(1)).toBe('post 1');
    expect(compute).toHaveBeenCalledTimes(2);
    expect((await cache.health()).status).toBe('failing');
    expect(cache.metrics.counters('slow').error).toBe(1);

    proxy.resume();
    await untilHealthy(cache);
    expect(await fn(1)).toBe('post 1');
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('computes once for concurrent misses on one key while Redis stalls', async () => {
    const compute = vi.fn(async (id: number) => {
      await sleep(50);
      return `post ${id}`;
    });
    const fn = cacheMemoize(60, { prefix: 'stalled-flight', cache })(compute);
    proxy.stall();
    try {
      const results = await Promise.all(Array.from({ length: 20 }, () => fn(3)));
      expect(results).toEqual(Array(20).fill('post 3'));
      expect(compute).toHaveBeenCalledTimes(1);
    } finally {
      proxy.resume();
      await untilHealthy(cache);
    }
  });

  it('answers from the function while Redis is unreachable, and caches again after reconnecting', async () => {
    const compute = vi.fn(async (id: number) => `post ${id}`);
    const fn = cacheMemoize(60, { prefix: 'down', cache })(compute);

    await proxy.close();
    expect(await fn(2)).toBe('post 2');
    expect(await fn(2)).toBe('post 2');
    expect(compute).toHaveBeenCalledTimes(2);
    expect((await cache.health()).status).toBe('failing');

    await proxy.start();
    await untilHealthy(cache);
    await fn(2);
    await fn(2);
    expect(compute).toHaveBeenCalledTimes(3);
  });
});

describe('an invalidation lost while Redis was unreachable', () => {
  const namespace = uniqueNamespace('epoch');
  const proxy = new TcpProxy('127.0.0.1', 6379);
  // Two processes of one site: "cut" reaches Redis through the proxy, "steady" directly.
  let cut: InkwellCache;
  let steady: InkwellCache;

  beforeAll(async () => {
    await proxy.start();
    cut = createInkwellCache({ namespace, redisUrl: proxy.url, operationTimeoutMs: 250 });
    steady = createInkwellCache({ namespace, redisUrl: REDIS_URL, operationTimeoutMs: 2_000 });
    await Promise.all([cut.ready(), steady.ready()]);
  });

  afterAll(async () => {
    await Promise.all([cut.close(), steady.close()]);
    await proxy.close();
    const client = await openTestClient();
    await removeNamespace(client, namespace);
    client.destroy();
  });

  it('serves nothing cached before the outage once Redis is back, in any process', async () => {
    const database = { title: 'Old title', published: true };
    const readPost = async () => ({ ...database });
    const options = { prefix: 'post', tags: () => ['post:hello'] };
    const onCut = cacheMemoize(60, { ...options, cache: cut })(readPost);
    const onSteady = cacheMemoize(60, { ...options, cache: steady })(readPost);
    expect(await onCut()).toEqual({ title: 'Old title', published: true });
    expect(await onSteady()).toEqual({ title: 'Old title', published: true });

    await proxy.close();
    // An edit and an unpublish on the cut process: the write commits, the invalidation is lost.
    Object.assign(database, { title: 'New title', published: false });
    await expect(cut.invalidateTags(['post:hello'])).rejects.toThrow();

    await proxy.start();
    await untilHealthy(cut);
    for (let read = 0; read < 10; read += 1) {
      expect(await onCut()).toEqual({ title: 'New title', published: false });
      expect(await onSteady()).toEqual({ title: 'New title', published: false });
    }
  });
});
