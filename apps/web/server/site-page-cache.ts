import { type WebConfig } from './config.js';
import { createPageCache, type PageCache, type PageCacheOptions } from './page-cache.js';
import { openSharedPages } from './shared-pages.js';

/** While Redis fails, one line a minute (every request would fail the same way). */
const REPORT_INTERVAL_MS = 60_000;

function reportAtMostEvery(
  intervalMs: number,
  warn: (message: string) => void,
): (error: unknown) => void {
  let lastAt = Number.NEGATIVE_INFINITY;
  let unreported = 0;
  return (error) => {
    const now = Date.now();
    if (now - lastAt < intervalMs) {
      unreported += 1;
      return;
    }
    const more = unreported > 0 ? ` (and ${unreported} more failures since the last report)` : '';
    warn(
      `Page cache: Redis failed (${String(error)}); pages are kept in this process meanwhile${more}`,
    );
    lastAt = now;
    unreported = 0;
  };
}

/**
 * The site's page cache as configured: in this process, and with REDIS_URL shared through
 * Redis by every site process of this build (`version`: a new build's pages never mix with an
 * old one's during a rolling deploy).
 */
export function createSitePageCache(
  config: WebConfig,
  version: string,
  report: Pick<PageCacheOptions, 'observe' | 'logError'> & { warn: (message: string) => void },
): PageCache {
  const reportRedis = reportAtMostEvery(REPORT_INTERVAL_MS, report.warn);
  return createPageCache({
    observe: report.observe,
    logError: report.logError,
    seconds: config.pageCacheSeconds,
    maxEntries: config.pageCacheMaxEntries,
    shared: config.redisUrl
      ? openSharedPages({
          url: config.redisUrl,
          prefix: `${config.cacheNamespace}:pages:${version}`,
          onError: reportRedis,
        })
      : undefined,
    onSharedError: reportRedis,
  });
}
