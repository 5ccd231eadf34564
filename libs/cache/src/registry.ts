import { InkwellCache, type InkwellCacheOptions } from './cache.js';
import { type Registry } from 'prom-client';
import { registerCacheCounters } from './metrics.js';

/** A cache, or the alias it was registered under (like Django's `cache_alias`). */
export type CacheRef = InkwellCache | string;

export const DEFAULT_CACHE_ALIAS = 'default';

const caches = new Map<string, InkwellCache>();

export function createInkwellCache(options: InkwellCacheOptions): InkwellCache {
  return new InkwellCache(options);
}

export function registerCache(
  alias: string,
  cache: InkwellCache | InkwellCacheOptions,
): InkwellCache {
  const instance = cache instanceof InkwellCache ? cache : new InkwellCache(cache);
  caches.set(alias, instance);
  return instance;
}

/** Sets the cache memoized functions use when they name none. Call once at start. */
export function configureDefaultCache(cache: InkwellCache | InkwellCacheOptions): InkwellCache {
  return registerCache(DEFAULT_CACHE_ALIAS, cache);
}

/**
 * Resolves a cache reference. Without configuration the default is an in-memory cache, so
 * scripts and tests work out of the box.
 */
export function getCache(ref: CacheRef = DEFAULT_CACHE_ALIAS): InkwellCache {
  if (typeof ref !== 'string') return ref;
  const cache = caches.get(ref);
  if (cache) return cache;
  if (ref === DEFAULT_CACHE_ALIAS) return configureDefaultCache({ namespace: 'inkwell' });
  throw new Error(`No cache registered as "${ref}"; call registerCache("${ref}", ...) at start.`);
}

/** Drops every entry stored under any of the tags. */
export async function invalidateTags(tags: readonly string[], cache?: CacheRef): Promise<void> {
  await getCache(cache).invalidateTags(tags);
}

/**
 * Registers the hit, miss, error, stampede-wait, stale-skip and eviction counters in a
 * prom-client registry, for `/__metrics__`: of every registered cache at each scrape, unless
 * given the caches to count.
 */
export function registerCacheMetrics(registry: Registry, only?: readonly InkwellCache[]): void {
  registerCacheCounters(registry, () => only ?? [...new Set(caches.values())]);
}
