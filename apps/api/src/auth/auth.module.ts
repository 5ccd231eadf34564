import { Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { type Config } from '../config/config.js';
import { CONFIG } from '../core/tokens.js';
import { AdminAuthGuard } from './admin-auth.guard.js';
import { AuthService } from './auth.service.js';
import { type CounterStore, MemoryCounterStore } from './rate-limit/counter-store.js';
import { RedisCounterStore } from './rate-limit/redis-counter-store.js';
import { RATE_LIMIT_STORE } from './rate-limit/tokens.js';
import { SessionController } from './session.controller.js';

/** Rate-limit counters in Redis when the API has REDIS_URL (shared by every process), else in memory. */
async function openCounterStore(config: Config): Promise<CounterStore> {
  if (!config.redisUrl) return new MemoryCounterStore();
  const logger = new Logger('RateLimit');
  return RedisCounterStore.connect({
    url: config.redisUrl,
    prefix: `${config.cacheNamespace}:ratelimit:`,
    onError: (message) => logger.warn(message),
  });
}

@Injectable()
class CounterStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(RATE_LIMIT_STORE) private readonly store: CounterStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Module({
  controllers: [SessionController],
  providers: [
    { provide: RATE_LIMIT_STORE, useFactory: openCounterStore, inject: [CONFIG] },
    CounterStoreCloser,
    AuthService,
    AdminAuthGuard,
  ],
  exports: [AuthService, AdminAuthGuard, RATE_LIMIT_STORE],
})
export class AuthModule {}
