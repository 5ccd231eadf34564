import { expect, test } from 'vitest';
import { HealthChecks } from './health-checks.js';

test('reports each check, and fails on an error or a hang', async () => {
  const health = new HealthChecks(50);
  health.register('database', async () => {});
  health.register('cache', async () => {
    throw new Error('connection refused');
  });
  health.register('search', () => new Promise(() => {}));
  expect(await health.run()).toEqual({
    status: 'failing',
    checks: {
      database: 'ok',
      cache: 'failing: connection refused',
      search: 'failing: no answer within 50 ms',
    },
  });
});
