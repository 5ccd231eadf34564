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

function labelValue(value: string): string {
  return value.replace(/\\/gu, '\\\\').replace(/"/gu, '\\"').replace(/\n/gu, '\\n');
}

/** Prometheus text exposition (version 0.0.4) of the counters of several caches. */
export function renderPrometheus(
  sources: ReadonlyArray<{ namespace: string; metrics: CacheMetrics; evictions: number }>,
): string {
  const lines: string[] = [];
  for (const event of CACHE_EVENTS) {
    const name = `inkwell_cache_${event}_total`;
    lines.push(`# HELP ${name} ${HELP[event]}`, `# TYPE ${name} counter`);
    for (const { namespace, metrics } of sources) {
      for (const [prefix, counters] of metrics.entries()) {
        lines.push(
          `${name}{namespace="${labelValue(namespace)}",prefix="${labelValue(prefix)}"} ${counters[event]}`,
        );
      }
    }
  }
  lines.push(
    '# HELP inkwell_cache_evictions_total Entries the in-process store dropped to stay within its bound.',
    '# TYPE inkwell_cache_evictions_total counter',
    ...sources.map(
      ({ namespace, evictions }) =>
        `inkwell_cache_evictions_total{namespace="${labelValue(namespace)}"} ${evictions}`,
    ),
  );
  return `${lines.join('\n')}\n`;
}
