import { Controller, Get, Inject, Res } from '@nestjs/common';
import { HealthChecks } from './health-checks.js';

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

/**
 * Dockerflow endpoints: load-balancer liveness, dependency heartbeat, version. Metrics are on a
 * port of their own (observability/metrics.module.ts).
 */
@Controller()
export class HealthController {
  constructor(@Inject(HealthChecks) private readonly health: HealthChecks) {}

  @Get('__lbheartbeat__')
  lbheartbeat(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('__heartbeat__')
  async heartbeat(@Res() response: JsonResponse): Promise<void> {
    const report = await this.health.run();
    response.status(report.status === 'ok' ? 200 : 503).json(report);
  }

  @Get('__version__')
  version(): { name: string; version: string } {
    return { name: 'inkwell', version: process.env.npm_package_version ?? '0.1.0' };
  }
}
