import { Global, Inject, Module, type OnModuleInit } from '@nestjs/common';
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
  ) {}

  onModuleInit(): void {
    this.health.register('database', async () => {
      await this.db.sql.query('SELECT 1');
    });
  }
}
