import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { registerCacheMetrics } from '@inkwell/cache';
import { Registry } from 'prom-client';
import { CACHE_PURGER } from '../core/tokens.js';
import { type CachePurger } from '../http-cache/cache-purger.js';
import { HealthChecks } from './health-checks.js';

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

/** Dockerflow endpoints: load-balancer liveness, dependency heartbeat, version; and metrics. */
@Controller()
export class HealthController {
  private readonly metricsRegistry = new Registry();

  constructor(
    @Inject(HealthChecks) private readonly health: HealthChecks,
    @Inject(CACHE_PURGER) purger: CachePurger,
  ) {
    registerCacheMetrics(this.metricsRegistry);
    purger.registerMetrics(this.metricsRegistry);
  }

  @Get('__lbheartbeat__')
  lbheartbeat(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('__heartbeat__')
  async heartbeat(@Res() response: JsonResponse): Promise<void> {
    const report = await this.health.run();
    response.status(report.status === 'ok' ? 200 : 503).json(report);
  }

  /** Prometheus text: cache hits, misses, errors and stampede waits per memoized function; CDN purges. */
  @Get('__metrics__')
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  metrics(): Promise<string> {
    return this.metricsRegistry.metrics();
  }

  @Get('__version__')
  version(): { name: string; version: string } {
    return { name: 'inkwell', version: process.env.npm_package_version ?? '0.1.0' };
  }
}
