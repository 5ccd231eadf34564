import { setTimeout as sleep } from 'node:timers/promises';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  cacheMemoize,
  configureDefaultCache,
  createInkwellCache,
  getCache,
  type InkwellCache,
  type InkwellCacheOptions,
  invalidateTags,
  memoizedOf,
  registerCache,
  registerCacheMetrics,
} from '../src/index.js';
import { openTestClient, REDIS_URL, removeNamespace, uniqueNamespace } from './support/redis.js';

/** The Prometheus text a scrape of the caches' counters answers. */
async function scrapeCacheMetrics(only?: readonly InkwellCache[]): Promise<string> {
  const registry = new Registry();
  registerCacheMetrics(registry, only);
  return registry.metrics();
}

type TestClient = Awaited<ReturnType<typeof openTestClient>>;

/** The same behaviour, asserted against the in-process store and against the real Redis. */
describe.each([
  { store: 'memory', options: (namespace: string): InkwellCacheOptions => ({ namespace }) },
  {
    store: 'redis',
    // A generous bound: other suites share this machine; timeouts are tested in outage.test.ts.
    options: (namespace: string): InkwellCacheOptions => ({
      namespace,
      redisUrl: REDIS_URL,
      operationTimeoutMs: 2_000,
    }),
  },
])('cacheMemoize on the $store store', ({ store, options }) => {
  const namespace = uniqueNamespace(store);
  let cache: InkwellCache;
  let client: TestClient;
  let prefixCount = 0;
  /** A fresh prefix per memoized function, so tests never read each other's entries. */
  const prefix = () => `t${++prefixCount}`;

  beforeAll(async () => {
    client = await openTestClient();
    cache = configureDefaultCache(options(namespace));
    await cache.ready();
  });

  beforeEach(() => {
    configureDefaultCache(cache);
  });

  afterAll(async () => {
    await cache.close();
    await removeNamespace(client, namespace);
    client.destroy();
  });

  it('shares one entry between argument orders of named arguments, but not between "1" and 1', async () => {
    const compute = vi.fn(async (id: unknown, named?: { a: number; b: number }) => ({ id, named }));
    const fn = cacheMemoize(60, { prefix: prefix() })(compute);

    await fn(1, { a: 1, b: 2 });
    await fn(1, { b: 2, a: 1 });
    expect(compute).toHaveBeenCalledTimes(1);

    await fn('1');
    await fn(1);
    await fn('1');
    expect(compute).toHaveBeenCalledTimes(3);
    expect(fn.cacheKey(1, { b: 2, a: 1 })).toBe(fn.cacheKey(1, { a: 1, b: 2 }));
  });

  it('returns the cached value, not a recomputation, on a hit', async () => {
    let version = 0;
    const fn = cacheMemoize(60, { prefix: prefix() })(async (slug: string) => ({
      slug,
      version: ++version,
    }));
    expect(await fn('hello')).toEqual({ slug: 'hello', version: 1 });
    expect(await fn('hello')).toEqual({ slug: 'hello', version: 1 });
  });

  it('invalidate removes the entry for exactly those arguments', async () => {
    const compute = vi.fn(async (id: number) => `post ${id}`);
    const fn = cacheMemoize(60, { prefix: prefix() })(compute);
    await fn(1);
    await fn(2);

    await fn.invalidate(1);
    await fn(1);
    await fn(2);
    expect(compute.mock.calls).toEqual([[1], [2], [1]]);
  });

  it('refresh recomputes and stores, skipping the cached value', async () => {
    let version = 0;
    const fn = cacheMemoize(60, { prefix: prefix() })(async (id: number) => `${id}@${++version}`);
    expect(await fn(7)).toBe('7@1');
    expect(await fn.refresh(7)).toBe('7@2');
    expect(await fn(7)).toBe('7@2');
  });

  it('calls onMiss then onHit with the arguments of the call', async () => {
    const onHit = vi.fn();
    const onMiss = vi.fn();
    const fn = cacheMemoize(60, { prefix: prefix(), onHit, onMiss })(
      async (a: number, b: string) => a + b,
    );
    await fn(1, 'x');
    expect(onMiss).toHaveBeenCalledWith(1, 'x');
    expect(onHit).not.toHaveBeenCalled();
    await fn(1, 'x');
    expect(onHit).toHaveBeenCalledWith(1, 'x');
    expect(onMiss).toHaveBeenCalledTimes(1);
  });

  it('storeResult: false runs the function once per TTL per key and keeps only a marker', async () => {
    const send = vi.fn(async (to: string) => ({ sentTo: to, body: 'a long mail body' }));
    const sendOnce = cacheMemoize(60, { prefix: prefix(), storeResult: false })(send);

    expect(await sendOnce('ann@example.com')).toEqual({
      sentTo: 'ann@example.com',
      body: 'a long mail body',
    });
    expect(await sendOnce('ann@example.com')).toBeUndefined();
    expect(await sendOnce('bob@example.com')).toEqual({
      sentTo: 'bob@example.com',
      body: 'a long mail body',
    });
    expect(send).toHaveBeenCalledTimes(2);

    const entry = await cache.store.get(sendOnce.cacheKey('ann@example.com'));
    expect(entry).toBeDefined();
    expect(cache.codec.decode(entry as Uint8Array)).toBe(true);
  });

  it('storeResult: false runs the function once among concurrent calls', async () => {
    const send = vi.fn(async (to: string) => `sent to ${to}`);
    const sendOnce = cacheMemoize(60, { prefix: prefix(), storeResult: false })(send);
    const results = await Promise.all(Array.from({ length: 10 }, () => sendOnce('ann')));
    expect(results.filter((result) => result !== undefined)).toEqual(['sent to ann']);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('storeResult: false lets the next call try again when the function failed', async () => {
    const send = vi.fn().mockRejectedValueOnce(new Error('smtp down')).mockResolvedValue('sent');
    const sendOnce = cacheMemoize(60, { prefix: prefix(), storeResult: false })(
      send as (to: string) => Promise<string>,
    );
    await expect(sendOnce('ann')).rejects.toThrow('smtp down');
    expect(await sendOnce('ann')).toBe('sent');
    expect(await sendOnce('ann')).toBeUndefined();
  });

  it('argsRewrite maps each argument to what identifies it', async () => {
    const compute = vi.fn(
      async (post: { id: number; title: string }, page: number) => `${post.title}:${page}`,
    );
    const fn = cacheMemoize(60, {
      prefix: prefix(),
      argsRewrite: (arg) => (typeof arg === 'object' && arg !== null && 'id' in arg ? arg.id : arg),
    })(compute);
    expect(await fn({ id: 1, title: 'first' }, 1)).toBe('first:1');
    expect(await fn({ id: 1, title: 'renamed' }, 1)).toBe('first:1');
    expect(await fn({ id: 1, title: 'renamed' }, 2)).toBe('renamed:2');
    expect(compute).toHaveBeenCalledTimes(2);
    expect(fn.cacheKey({ id: 1, title: 'x' }, 2)).toBe(`${namespace}:${fn.prefix}:[1,2]`);
  });

  it('keyGenerator replaces key building, and its keys are made store-safe', async () => {
    const compute = vi.fn(async (query: string, _options: { lang: string }) => query.toUpperCase());
    const fn = cacheMemoize(60, { keyGenerator: (query: string) => `search ${query}` })(compute);
    expect(fn.cacheKey('héllo wörld', { lang: 'en' })).toBe(
      `${namespace}:search%20h%C3%A9llo%20w%C3%B6rld`,
    );
    await fn('héllo wörld', { lang: 'en' });
    expect(await fn('héllo wörld', { lang: 'fr' })).toBe('HÉLLO WÖRLD');
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('hashes long argument lists into short keys that still tell calls apart', async () => {
    const compute = vi.fn(async (ids: number[]) => ids.length);
    const fn = cacheMemoize(60, { prefix: prefix() })(compute);
    const many = Array.from({ length: 500 }, (_, i) => i);
    const others = [...many.slice(0, -1), 9999];
    expect(fn.cacheKey(many).length).toBeLessThan(120);
    expect(fn.cacheKey(many)).not.toBe(fn.cacheKey(others));
    expect(await fn(many)).toBe(500);
    expect(await fn(many)).toBe(500);
    expect(await fn(others)).toBe(500);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('counts a cached undefined or null as a hit', async () => {
    const lookUpUndefined = vi.fn(async (_id: number) => undefined);
    const lookUpNull = vi.fn(async (_id: number) => null);
    const onHit = vi.fn();
    const missing = cacheMemoize(60, { prefix: prefix(), onHit })(lookUpUndefined);
    const empty = cacheMemoize(60, { prefix: prefix(), onHit })(lookUpNull);
    expect(await missing(1)).toBeUndefined();
    expect(await missing(1)).toBeUndefined();
    expect(await empty(1)).toBeNull();
    expect(await empty(1)).toBeNull();
    expect(lookUpUndefined).toHaveBeenCalledTimes(1);
    expect(lookUpNull).toHaveBeenCalledTimes(1);
    expect(onHit).toHaveBeenCalledTimes(2);
  });

  it('round-trips Dates as Dates', async () => {
    const fn = cacheMemoize(60, { prefix: prefix() })(async () => ({
      publishedAt: new Date('2026-01-02T03:04:05.678Z'),
      tags: ['a'],
    }));
    await fn();
    const cached = await fn();
    expect(cached.publishedAt).toBeInstanceOf(Date);
    expect(cached.publishedAt.toISOString()).toBe('2026-01-02T03:04:05.678Z');
  });

  it('calls the function once for 50 concurrent misses on one key', async () => {
    const compute = vi.fn(async (id: number) => {
      await sleep(50);
      return `value ${id}`;
    });
    const fn = cacheMemoize(60, { prefix: prefix() })(compute);
    const results = await Promise.all(Array.from({ length: 50 }, () => fn(3)));
    expect(results).toEqual(Array(50).fill('value 3'));
    expect(compute).toHaveBeenCalledTimes(1);
    expect(cache.metrics.counters(fn.prefix)).toEqual({
      hit: 0,
      miss: 50,
      error: 0,
      stampede_wait: 49,
      stale_skip: 0,
    });
  });

  it('shares a failure among concurrent callers and caches nothing', async () => {
    const compute = vi.fn().mockRejectedValueOnce(new Error('db down')).mockResolvedValue('ok');
    const fn = cacheMemoize(60, { prefix: prefix() })(compute as (id: number) => Promise<string>);
    const results = await Promise.allSettled([fn(1), fn(1), fn(1)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await fn(1)).toBe('ok');
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('expires entries after the TTL', async () => {
    let version = 0;
    const fn = cacheMemoize(0.2, { prefix: prefix() })(async () => ++version);
    expect(await fn()).toBe(1);
    expect(await fn()).toBe(1);
    await sleep(400);
    expect(await fn()).toBe(2);
  });

  it('invalidateTags drops the tagged entries and keeps unrelated ones', async () => {
    const compute = vi.fn(async (category: string, page: number) => `${category} page ${page}`);
    const listing = cacheMemoize(60, {
      prefix: prefix(),
      tags: (category: string) => [`listing:${category}`],
    })(compute);
    const postCompute = vi.fn(async (slug: string) => `post ${slug}`);
    const post = cacheMemoize(60, { prefix: prefix(), tags: (slug: string) => [`post:${slug}`] })(
      postCompute,
    );
    for (const page of [1, 2, 3]) {
      await listing('rust', page);
      await listing('go', page);
    }
    await post('hello');
    expect(compute).toHaveBeenCalledTimes(6);

    await invalidateTags(['listing:rust']);
    for (const page of [1, 2, 3]) {
      await listing('rust', page);
      await listing('go', page);
    }
    await post('hello');
    expect(compute.mock.calls.slice(6)).toEqual([
      ['rust', 1],
      ['rust', 2],
      ['rust', 3],
    ]);
    expect(postCompute).toHaveBeenCalledTimes(1);
  });

  it('never stores a value whose computation began before an invalidation of its tag', async () => {
    let title = 'old title';
    let readStarted!: () => void;
    let finishRead!: () => void;
    const started = new Promise<void>((resolve) => (readStarted = resolve));
    const gate = new Promise<void>((resolve) => (finishRead = resolve));
    const compute = vi.fn(async (slug: string) => {
      const read = `${slug}: ${title}`; // the database read
      readStarted();
      await gate;
      return read;
    });
    const post = cacheMemoize(60, { prefix: prefix(), tags: (slug: string) => [`post:${slug}`] })(
      compute,
    );
    const slow = post('hello');
    await started;
    title = 'new title'; // the write commits, then invalidates
    await invalidateTags(['post:hello']);
    finishRead();
    expect(await slow).toBe('hello: old title');
    expect(await post('hello')).toBe('hello: new title');
    expect(await post('hello')).toBe('hello: new title');
    expect(compute).toHaveBeenCalledTimes(2);
    expect(cache.metrics.counters(post.prefix).stale_skip).toBe(1);
  });

  it('never stores a value whose computation began before fn.invalidate', async () => {
    let version = 1;
    let finishRead!: () => void;
    const gate = new Promise<void>((resolve) => (finishRead = resolve));
    const fn = cacheMemoize(60, { prefix: prefix() })(async (id: number) => {
      const read = `${id}@${version}`;
      if (read === '1@1') await gate;
      return read;
    });
    const slow = fn(1);
    await sleep(20);
    version = 2;
    await fn.invalidate(1);
    finishRead();
    expect(await slow).toBe('1@1');
    expect(await fn(1)).toBe('1@2');
    expect(await fn(1)).toBe('1@2');
  });

  it('does not hand a computation that began before an invalidation to callers that came after', async () => {
    let version = 1;
    let finishRead!: () => void;
    const gate = new Promise<void>((resolve) => (finishRead = resolve));
    const fn = cacheMemoize(60, { prefix: prefix(), tags: () => ['t'] })(async () => {
      const read = version;
      if (read === 1) await gate;
      return read;
    });
    const slow = fn();
    await sleep(20);
    version = 2;
    await invalidateTags(['t']);
    const after = fn();
    finishRead();
    expect(await slow).toBe(1);
    expect(await after).toBe(2);
  });

  it('memoizes decorated methods per call arguments with the right `this`', async () => {
    const methodPrefix = prefix();
    class PostsService {
      calls = 0;
      constructor(private readonly site: string) {}

      @cacheMemoize(60, { prefix: methodPrefix })
      async titleOf(id: number): Promise<string> {
        this.calls += 1;
        return `${this.site} #${id}`;
      }
    }
    const service = new PostsService('inkwell');
    expect(await service.titleOf(1)).toBe('inkwell #1');
    expect(await service.titleOf(1)).toBe('inkwell #1');
    expect(service.calls).toBe(1);

    await memoizedOf(service.titleOf).invalidate(1);
    expect(await memoizedOf(service.titleOf).refresh(1)).toBe('inkwell #1');
    expect(service.calls).toBe(2);
  });

  it('finds its cache by alias, and keeps that cache apart from the default', async () => {
    const other = registerCache(`${store}-other`, options(`${namespace}-other`));
    try {
      const compute = vi.fn(async (id: number) => id * 2);
      const fn = cacheMemoize(60, { prefix: prefix(), cache: `${store}-other` })(compute);
      expect(await fn(21)).toBe(42);
      expect(await fn(21)).toBe(42);
      expect(compute).toHaveBeenCalledTimes(1);
      expect(
        await getCache().store.get(fn.cacheKey(21).replace(`${namespace}-other`, namespace)),
      ).toBeUndefined();
      expect(await other.store.get(fn.cacheKey(21))).toBeDefined();
    } finally {
      await other.close();
      await removeNamespace(client, `${namespace}-other`);
    }
  });

  it('renders hit, miss and stampede-wait counters per prefix in Prometheus text format', async () => {
    const fn = cacheMemoize(60, { prefix: 'posts "list"' })(async (page: number) => page);
    await fn(1);
    await fn(1);
    await fn(2);
    const text = await scrapeCacheMetrics();
    expect(text).toContain('# TYPE inkwell_cache_hit_total counter');
    expect(text).toContain(
      `inkwell_cache_hit_total{namespace="${namespace}",prefix="posts \\"list\\""} 1`,
    );
    expect(text).toContain(
      `inkwell_cache_miss_total{namespace="${namespace}",prefix="posts \\"list\\""} 2`,
    );
    expect(text).toContain(
      `inkwell_cache_stampede_wait_total{namespace="${namespace}",prefix="posts \\"list\\""} 0`,
    );
  });

  it('counts a store that refuses a stale write in Prometheus text', async () => {
    expect(await scrapeCacheMetrics()).toContain('# TYPE inkwell_cache_stale_skip_total counter');
  });

  it('reports a healthy store', async () => {
    expect(await cache.health()).toMatchObject({ status: 'ok', store });
  });
});

describe('the in-process store', () => {
  it('keeps at most memoryMaxEntries entries, dropping the least recently used, and counts evictions', async () => {
    const namespace = uniqueNamespace('lru');
    const cache = createInkwellCache({ namespace, memoryMaxEntries: 3 });
    try {
      const compute = vi.fn(async (query: string) => `results for ${query}`);
      const search = cacheMemoize(60, { prefix: 'search', cache, tags: () => ['search'] })(compute);
      for (const query of ['a', 'b', 'c']) await search(query);
      await search('a'); // "a" is now the most recently used
      for (const query of ['d', 'e']) await search(query); // evict "b" then "c"
      expect(compute).toHaveBeenCalledTimes(5);

      await search('a');
      await search('e');
      expect(compute).toHaveBeenCalledTimes(5);
      await search('b');
      expect(compute).toHaveBeenCalledTimes(6);
      expect(cache.evictions).toBe(3);
      expect(await scrapeCacheMetrics([cache])).toContain(
        `inkwell_cache_evictions_total{namespace="${namespace}"} 3`,
      );
      await cache.invalidateTags(['search']);
      await search('a');
      expect(compute).toHaveBeenCalledTimes(7);
    } finally {
      await cache.close();
    }
  });
});
