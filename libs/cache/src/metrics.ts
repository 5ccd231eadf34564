import { Counter, type Registry } from 'prom-client';

export const CACHE_EVENTS = ['hit', 'miss', 'error', 'stampede_wait', 'stale_skip'] as const;
export type CacheEvent = (typeof CACHE_EVENTS)[number];
export type CacheCounters = Record<CacheEvent, number>;

const HELP: Record<CacheEvent, string> = {
  hit: 'Memoized calls answered from the cache.',
  miss: 'Memoized calls that found nothing cached.',
  error: 'Cache operations that failed or timed out (the call ran uncached).',
  stampede_wait: 'Calls that waited for a computation already running for the same key.',
  stale_skip:
    'Computed values not stored because an invalidation happened while they were computed.',
};

const NO_EVENTS: CacheCounters = { hit: 0, miss: 0, error: 0, stampede_wait: 0, stale_skip: 0 };

/** Counters per memoization prefix. */
export class CacheMetrics {
  private readonly byPrefix = new Map<string, CacheCounters>();

  count(prefix: string, event: CacheEvent): void {
    let counters = this.byPrefix.get(prefix);
    if (!counters) this.byPrefix.set(prefix, (counters = { ...NO_EVENTS }));
    counters[event] += 1;
  }

  counters(prefix: string): CacheCounters {
    return { ...NO_EVENTS, ...this.byPrefix.get(prefix) };
  }

  entries(): IterableIterator<[string, CacheCounters]> {
    return this.byPrefix.entries();
  }
}

/** What the counters read from one cache at each scrape. */
export interface CacheMetricsSource {
  namespace: string;
  metrics: CacheMetrics;
  evictions: number;
}

/**
 * Registers the cache counters in a prom-client registry. They keep no count of their own: each
 * scrape reads the counts of `sources()`, the caches alive at that moment.
 */
export function registerCacheCounters(
  registry: Registry,
  sources: () => readonly CacheMetricsSource[],
): void {
  for (const event of CACHE_EVENTS) {
    new Counter({
      name: `inkwell_cache_${event}_total`,
      help: HELP[event],
      labelNames: ['namespace', 'prefix'],
      registers: [registry],
      collect() {
        this.reset();
        for (const { namespace, metrics } of sources()) {
          for (const [prefix, counters] of metrics.entries()) {
            this.inc({ namespace, prefix }, counters[event]);
          }
        }
      },
    });
  }
  new Counter({
    name: 'inkwell_cache_evictions_total',
    help: 'Entries the in-process store dropped to stay within its bound.',
    labelNames: ['namespace'],
    registers: [registry],
    collect() {
      this.reset();
      for (const { namespace, evictions } of sources()) this.inc({ namespace }, evictions);
    },
  });
}
