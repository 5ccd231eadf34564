import { openDatabase, type Database } from '@inkwell/prisma';
import { type Config } from '../config/config.js';
import { prepareDatabase } from '../database/prepare-database.js';

/**
 * Runs a command's work on the configured database (through the running API when it owns the
 * embedded one), with pending migrations applied first and never demo content; closes it after.
 */
export async function withCommandDatabase<T>(
  config: Config,
  work: (db: Database) => Promise<T>,
): Promise<T> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await prepareDatabase(db, {
      migrate: config.migrateOnStart,
      seedDemoContent: false,
      log: console.log,
    });
    return await work(db);
  } finally {
    await db.close();
  }
}
