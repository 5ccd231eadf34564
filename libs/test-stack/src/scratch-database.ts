import {
  applyMigrations,
  openDatabase,
  readMigrations,
  type SeedContent,
  seedDemoContent,
} from '@inkwell/prisma';
import { createScratchPostgresDatabase, type ScratchDatabase } from '@inkwell/prisma/testing';

/** A scratch PostgreSQL database, migrated and holding `content`, for API processes. */
export async function seededScratchDatabase(
  prefix: string,
  content: SeedContent,
): Promise<ScratchDatabase> {
  const scratch = await createScratchPostgresDatabase(prefix);
  const db = await openDatabase({ databaseUrl: scratch.url, dataDir: '' });
  try {
    await db.withScriptRunner(async (runner) => applyMigrations(runner, await readMigrations()));
    await seedDemoContent(db.prisma, content);
  } finally {
    await db.close();
  }
  return scratch;
}
