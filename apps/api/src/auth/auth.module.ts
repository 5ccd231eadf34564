import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { CONFIG } from '../core/tokens.js';
import { AdminAuthGuard } from './admin-auth.guard.js';
import { AuthService } from './auth.service.js';
import { type CounterStore } from './rate-limit/counter-store.js';
import { openCounterStore } from './rate-limit/open-counter-store.js';
import { RATE_LIMIT_STORE } from './rate-limit/tokens.js';
import { SessionController } from './session.controller.js';

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
