import { Counter, type Registry } from 'prom-client';
import { type CachePurgeConfig } from '../config/config.js';

export interface PurgeLogger {
  warn(message: string): void;
}

export interface CachePurger {
  /**
   * Tells the CDN to drop what carries any of these tags. Returns at once: the calls run in the
   * background, each bounded by the configured timeout; a failure is logged and counted, never
   * thrown, so it cannot fail the write that dropped the tags.
   */
  purge(tags: readonly string[]): void;
  /** Adds its counter of purge calls, sent and failed, to a Prometheus registry. */
  registerMetrics(registry: Registry): void;
}

/** The placeholder that turns the purge URL into one call per tag. */
export const TAG_PLACEHOLDER = '{tag}';

/**
 * Calls the purge hook of CACHE_PURGE_URL: one POST with `{"tags": [...]}` (Cloudflare's purge
 * body) and the tags in a `Surrogate-Key` header (Fastly's, Varnish xkey's), or, when the URL
 * holds `{tag}`, one POST per tag, one after another (Fastly's single-key purge URL).
 * Without a configuration it does nothing.
 */
export function createCachePurger(
  config: CachePurgeConfig | undefined,
  logger: PurgeLogger,
): CachePurger {
  const calls = new Counter({
    name: 'inkwell_cache_purge_calls_total',
    help: 'Calls of the CDN purge hook (CACHE_PURGE_URL).',
    labelNames: ['outcome'],
    registers: [],
  });
  // Both outcomes show from the start, at 0.
  calls.inc({ outcome: 'sent' }, 0);
  calls.inc({ outcome: 'failed' }, 0);

  const call = async (url: string, tags: readonly string[]): Promise<void> => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'surrogate-key': tags.join(' '),
          ...config?.headers,
        },
        body: JSON.stringify({ tags }),
        signal: AbortSignal.timeout(config?.timeoutMs ?? 0),
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`answered ${response.status}`);
      calls.inc({ outcome: 'sent' });
    } catch (error) {
      calls.inc({ outcome: 'failed' });
      // The host only: the URL may hold a token.
      const where = new URL(url).host;
      const reason = error instanceof Error ? error.message : String(error);
      logger.warn(`Purging ${tags.join(' ')} at ${where} failed: ${reason}`);
    }
  };

  const purgeAll = async (tags: readonly string[]): Promise<void> => {
    if (!config) return;
    if (!config.url.includes(TAG_PLACEHOLDER)) return call(config.url, tags);
    for (const tag of tags)
      await call(config.url.replaceAll(TAG_PLACEHOLDER, encodeURIComponent(tag)), [tag]);
  };

  return {
    purge(tags) {
      const unique = [...new Set(tags)];
      if (config && unique.length > 0) void purgeAll(unique);
    },
    registerMetrics(registry) {
      registry.registerMetric(calls);
    },
  };
}
