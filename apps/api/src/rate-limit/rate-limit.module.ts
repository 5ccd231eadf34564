import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { CONFIG } from '../core/tokens.js';
import { type CounterStore } from './counter-store.js';
import { openCounterStore } from './open-counter-store.js';
import { RATE_LIMIT_STORE } from './tokens.js';

@Injectable()
class CounterStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(RATE_LIMIT_STORE) private readonly store: CounterStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/**
 * The one CounterStore (RATE_LIMIT_STORE) behind login delays (sign-in, password changes) and
 * comment limits: in Redis with REDIS_URL, else in memory; closed when the API stops.
 */
@Module({
  providers: [
    { provide: RATE_LIMIT_STORE, useFactory: openCounterStore, inject: [CONFIG] },
    CounterStoreCloser,
  ],
  exports: [RATE_LIMIT_STORE],
})
export class RateLimitModule {}
