import {
  applyMigrations,
  openDatabase,
  readMigrations,
  type SeedContent,
  seedDemoContent,
} from '@inkwell/prisma';
import { createScratchPostgresDatabase, type ScratchDatabase } from '@inkwell/prisma/testing';

/**
 * Migrates the database an API would open with these settings (a PostgreSQL URL, or the
 * embedded database in `dataDir`) and writes `content` into it, as the API's first start does
 * with the demo content. Run it before an API opens the database (PGlite has one owner).
 */
export async function migrateAndSeed(
  database: { databaseUrl?: string; dataDir: string },
  content: SeedContent,
): Promise<void> {
  const db = await openDatabase(database);
  try {
    await db.withScriptRunner(async (runner) => applyMigrations(runner, await readMigrations()));
    await seedDemoContent(db.prisma, content);
  } finally {
    await db.close();
  }
}

/** A scratch PostgreSQL database, migrated and holding `content`, for API processes. */
export async function seededScratchDatabase(
  prefix: string,
  content: SeedContent,
): Promise<ScratchDatabase> {
  const scratch = await createScratchPostgresDatabase(prefix);
  await migrateAndSeed({ databaseUrl: scratch.url, dataDir: '' }, content);
  return scratch;
}
