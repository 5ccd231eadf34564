import {
  Global,
  Inject,
  Module,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { type Database } from '@inkwell/prisma';
import { type Registry } from 'prom-client';
import { type Config } from '../config/config.js';
import { CONFIG, DATABASE, METRICS_REGISTRY } from '../core/tokens.js';
import { DomainEvents } from './domain-events.js';
import { Outbox } from './outbox.js';
import { OutboxDispatcher } from './outbox-dispatcher.js';
import { outboxMetrics } from './outbox-metrics.js';

/**
 * The transactional outbox: `Outbox` for the services that write, and its dispatcher, which
 * polls from the start of the application (every subscriber has subscribed by then) to its end.
 */
@Global()
@Module({
  providers: [
    {
      provide: OutboxDispatcher,
      useFactory: (config: Config, db: Database, events: DomainEvents, registry: Registry) =>
        new OutboxDispatcher(db.sql, events, config.outbox, outboxMetrics(registry, db.sql)),
      inject: [CONFIG, DATABASE, DomainEvents, METRICS_REGISTRY],
    },
    {
      provide: Outbox,
      useFactory: (config: Config, db: Database, dispatcher: OutboxDispatcher) =>
        new Outbox(db.prisma, dispatcher, { killMarker: config.outbox.killMarker }),
      inject: [CONFIG, DATABASE, OutboxDispatcher],
    },
  ],
  exports: [Outbox, OutboxDispatcher],
})
export class OutboxModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(OutboxDispatcher) private readonly dispatcher: OutboxDispatcher) {}

  onApplicationBootstrap(): void {
    this.dispatcher.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.dispatcher.stop();
  }
}
