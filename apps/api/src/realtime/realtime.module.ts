import {
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { createRealtimeServer, type RealtimeServer } from '@inkwell/realtime';
import { type Registry } from 'prom-client';
import { type Config } from '../config/config.js';
import { CONFIG, METRICS_REGISTRY, REALTIME } from '../core/tokens.js';
import { HealthChecks } from '../health/health-checks.js';
import { realtimeMetrics } from './realtime-metrics.js';

/**
 * The Bayeux endpoint readers subscribe to for "new comment" hints. Mounted on the API's HTTP
 * server by createApp; with REDIS_URL, hints fan out to every API process through Redis.
 */
@Global()
@Module({
  providers: [
    {
      provide: REALTIME,
      useFactory: (config: Config, registry: Registry): RealtimeServer =>
        createRealtimeServer({
          redisUrl: config.redisUrl,
          namespace: config.cacheNamespace,
          logger: new Logger('Realtime'),
          observer: realtimeMetrics(registry),
        }),
      inject: [CONFIG, METRICS_REGISTRY],
    },
  ],
  exports: [REALTIME],
})
export class RealtimeModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(REALTIME) private readonly realtime: RealtimeServer,
    @Inject(HealthChecks) private readonly health: HealthChecks,
  ) {}

  onModuleInit(): void {
    this.health.register('realtime', async () => {
      const health = await this.realtime.health();
      if (health.status !== 'up') throw new Error(`${health.fanOut} fan-out is ${health.status}`);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.realtime.close();
  }
}
