import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cacheMemoize, createInkwellCache, type InkwellCache } from '../src/index.js';
import { openTestClient, removeNamespace, uniqueNamespace } from './support/redis.js';
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
  it('runs every call uncached, logs once, counts errors and reports failing health', async () => {
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
      expect(compute).toHaveBeenCalledTimes(20);
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
