import { Global, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { type InkwellCache } from '@inkwell/cache';
import { INKWELL_CACHE } from '@inkwell/cache/nest';
import { type Database } from '@inkwell/prisma';
import { DATABASE } from '../core/tokens.js';
import { HealthChecks } from './health-checks.js';
import { HealthController } from './health.controller.js';

@Global()
@Module({
  controllers: [HealthController],
  providers: [{ provide: HealthChecks, useValue: new HealthChecks() }],
  exports: [HealthChecks],
})
export class HealthModule implements OnModuleInit {
  constructor(
    @Inject(HealthChecks) private readonly health: HealthChecks,
    @Inject(DATABASE) private readonly db: Database,
    @Inject(INKWELL_CACHE) private readonly cache: InkwellCache,
  ) {}

  onModuleInit(): void {
    this.health.register('database', async () => {
      await this.db.sql.query('SELECT 1');
    });
    this.health.register('cache', async () => {
      const health = await this.cache.health();
      if (health.status !== 'ok') throw new Error(`${health.store}: ${health.error ?? 'failing'}`);
    });
  }
}
