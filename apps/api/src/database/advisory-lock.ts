import { type Database } from '@inkwell/prisma';

/**
 * Runs `work` while this process holds the database-wide advisory lock `name`; other processes
 * asking for the same lock wait until `work` settles. The lock is held by a connection of its
 * own (no statement timeout), so `work` is free to use the pool, and it is released with that
 * connection even if the process dies. The embedded database is one session shared by its
 * clients: there the lock is re-entrant and serialises nothing, which one owner process makes
 * unnecessary.
 */
export async function withAdvisoryLock<T>(
  db: Database,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  return db.withScriptRunner(async (runner) => {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
}
