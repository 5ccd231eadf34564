import { Logger } from '@nestjs/common';
import { type Config } from '../config/config.js';
import { type CounterStore } from './counter-store.js';
import { MemoryCounterStore } from './memory-counter-store.js';
import { RedisCounterStore } from './redis-counter-store.js';
import { ResilientCounterStore } from './resilient-counter-store.js';

/** Like the cache's bound: a stalled Redis delays a login or a comment by this much at most. */
export const RATE_LIMIT_REDIS_TIMEOUT_MS = 100;
const RETRY_REDIS_AFTER_MS = 5000;

/**
 * Rate-limit state in Redis when the API has REDIS_URL (shared by every process), with process
 * memory answering while Redis fails; else in memory.
 */
export async function openCounterStore(config: Config): Promise<CounterStore> {
  if (!config.redisUrl) return new MemoryCounterStore();
  const logger = new Logger('RateLimit');
  const onError = (message: string) => logger.warn(message);
  const redis = await RedisCounterStore.connect({
    url: config.redisUrl,
    prefix: `${config.cacheNamespace}:ratelimit:`,
    onError,
  });
  return new ResilientCounterStore(redis, new MemoryCounterStore(), {
    timeoutMs: RATE_LIMIT_REDIS_TIMEOUT_MS,
    retryAfterMs: RETRY_REDIS_AFTER_MS,
    onError,
  });
}
