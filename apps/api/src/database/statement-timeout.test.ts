import { openDatabase } from '@inkwell/prisma';
import { createScratchPostgresDatabase } from '@inkwell/prisma/testing';
import { expect, test } from 'vitest';
import { errorHeaders, toErrorBody } from '../common/http-error.filter.js';
import { isStatementTimeout } from './statement-timeout.js';

test('PostgreSQL cancels a statement over the timeout, and the API answers it with 503', async () => {
  const scratch = await createScratchPostgresDatabase('inkwell_timeout');
  const db = await openDatabase({ databaseUrl: scratch.url, dataDir: '', statementTimeoutMs: 100 });
  try {
    const failures = await Promise.all([
      db.prisma.$queryRaw`SELECT pg_sleep(2)`.catch((error: unknown) => error),
      db.sql.query('SELECT pg_sleep(2)').catch((error: unknown) => error),
    ]);
    for (const error of failures) {
      expect(isStatementTimeout(error)).toBe(true);
      expect(toErrorBody(error)).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
      expect(errorHeaders(error)).toEqual({ 'Retry-After': '2' });
    }
    // Scripts (migrations) are exempt.
    await db.withScriptRunner((runner) => runner.query('SELECT pg_sleep(0.3)'));
    expect(isStatementTimeout(new Error('boom'))).toBe(false);
  } finally {
    await db.close();
    await scratch.drop();
  }
});
