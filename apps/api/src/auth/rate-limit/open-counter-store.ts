import { Logger } from '@nestjs/common';
import { type Config } from '../../config/config.js';
import { type CounterStore, MemoryCounterStore } from './counter-store.js';
import { RedisCounterStore } from './redis-counter-store.js';

/** Rate-limit counters in Redis when the API has REDIS_URL (shared by every process), else in memory. */
export async function openCounterStore(config: Config): Promise<CounterStore> {
  if (!config.redisUrl) return new MemoryCounterStore();
  const logger = new Logger('RateLimit');
  return RedisCounterStore.connect({
    url: config.redisUrl,
    prefix: `${config.cacheNamespace}:ratelimit:`,
    onError: (message) => logger.warn(message),
  });
}
