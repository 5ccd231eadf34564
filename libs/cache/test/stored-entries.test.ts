import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheMemoize, createInkwellCache, type InkwellCache } from '../src/index.js';
import { openTestClient, REDIS_URL, removeNamespace, uniqueNamespace } from './support/redis.js';

type TestClient = Awaited<ReturnType<typeof openTestClient>>;

/** About 21 KB of markup, which deflates to a fraction of that. */
const html = '<p>Some rendered post body with repeated markup.</p>'.repeat(400);

describe('entries as the stores keep them', () => {
  let client: TestClient;
  const caches: InkwellCache[] = [];
  const namespaces: string[] = [];
  const open = (label: string, compressAboveBytes?: number) => {
    const namespace = uniqueNamespace(label);
    namespaces.push(namespace);
    const cache = createInkwellCache({ namespace, redisUrl: REDIS_URL, compressAboveBytes });
    caches.push(cache);
    return cache;
  };
  /** Bytes Redis holds for the memoized entry of `value`. */
  const storedSize = async (cache: InkwellCache): Promise<number> => {
    const fn = cacheMemoize(60, { cache, prefix: 'page' })(async () => html);
    await fn();
    return client.strLen(fn.cacheKey());
  };

  beforeAll(async () => {
    client = await openTestClient();
  });
  afterAll(async () => {
    await Promise.all(caches.map((cache) => cache.close()));
    for (const namespace of namespaces) await removeNamespace(client, namespace);
    client.destroy();
  });

  it('the in-process store never compresses, whatever compressAboveBytes says', async () => {
    const cache = createInkwellCache({
      namespace: uniqueNamespace('memory'),
      compressAboveBytes: 0,
    });
    const fn = cacheMemoize(60, { cache, prefix: 'page' })(async () => html);
    await fn();
    const entry = await cache.store.get(fn.cacheKey());
    expect(entry!.byteLength).toBeGreaterThan(html.length);
    expect(await fn()).toBe(html);
    await cache.close();
  });

  it('Redis keeps entries whole by default, deflated above compressAboveBytes when set', async () => {
    expect(await storedSize(open('whole'))).toBeGreaterThan(html.length);
    const deflated = open('deflated', 1024);
    expect(await storedSize(deflated)).toBeLessThan(html.length / 10);
  });

  it('an entry stored before the epoch moved is a miss, though its key is still there', async () => {
    const cache = open('epoch');
    let computed = 0;
    const fn = cacheMemoize(60, { cache, prefix: 'page' })(async () => ++computed);
    expect(await fn()).toBe(1);
    expect(await fn()).toBe(1);
    // Another process bumps the epoch after losing an invalidation.
    await client.incr(`${cache.namespace}:#epoch`);
    expect(await client.exists(fn.cacheKey())).toBe(1);
    expect(await fn()).toBe(2);
    expect(await fn()).toBe(2);
  });
});
