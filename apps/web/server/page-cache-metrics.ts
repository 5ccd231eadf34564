import { Counter, type Registry } from 'prom-client';
import { type PageCacheOutcome } from './page-cache.js';

/**
 * Counts the page cache's hits, misses and bypasses; the counter's children are bound once, so
 * each request costs one increment.
 */
export function countPageCacheOutcomes(registry: Registry): (outcome: PageCacheOutcome) => void {
  const requests = new Counter({
    name: 'inkwell_page_cache_requests_total',
    help: "Requests met by the site's page cache: hit (served stored), miss (rendered), bypass.",
    labelNames: ['outcome'],
    registers: [registry],
  });
  const byOutcome: Record<PageCacheOutcome, { inc(): void }> = {
    hit: requests.labels({ outcome: 'hit' }),
    miss: requests.labels({ outcome: 'miss' }),
    bypass: requests.labels({ outcome: 'bypass' }),
  };
  return (outcome) => byOutcome[outcome].inc();
}
