import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { renderCacheMetrics } from '@inkwell/cache';
import { CACHE_PURGER } from '../core/tokens.js';
import { type CachePurger } from '../http-cache/cache-purger.js';
import { HealthChecks } from './health-checks.js';

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

/** Dockerflow endpoints: load-balancer liveness, dependency heartbeat, version; and metrics. */
@Controller()
export class HealthController {
  constructor(
    @Inject(HealthChecks) private readonly health: HealthChecks,
    @Inject(CACHE_PURGER) private readonly purger: CachePurger,
  ) {}

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
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): string {
    return renderCacheMetrics() + this.purger.renderMetrics();
  }

  @Get('__version__')
  version(): { name: string; version: string } {
    return { name: 'inkwell', version: process.env.npm_package_version ?? '0.1.0' };
  }
}
