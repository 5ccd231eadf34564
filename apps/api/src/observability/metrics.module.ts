import {
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { registerCacheMetrics } from '@inkwell/cache';
import {
  createMetricsRegistry,
  type RunningMetricsServer,
  startMetricsServer,
} from '@inkwell/telemetry';
import { type Registry } from 'prom-client';
import { type Config } from '../config/config.js';
import { CONFIG, METRICS_REGISTRY } from '../core/tokens.js';

/**
 * The registry each module adds its series to (process metrics and the caches' counters from
 * the start), served at `GET /metrics` on METRICS_PORT when it is set: never on the API's port.
 */
@Global()
@Module({
  providers: [
    {
      provide: METRICS_REGISTRY,
      useFactory: (): Registry => {
        const registry = createMetricsRegistry();
        registerCacheMetrics(registry);
        return registry;
      },
    },
  ],
  exports: [METRICS_REGISTRY],
})
export class MetricsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: RunningMetricsServer | undefined;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
  ) {}

  /** Where Prometheus scrapes this process; unset without METRICS_PORT. */
  get url(): string | undefined {
    return this.server?.url;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.metrics) return;
    this.server = await startMetricsServer({ registry: this.registry, ...this.config.metrics });
    new Logger('Metrics').log(`Metrics at ${this.server.url}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server?.close();
  }
}
