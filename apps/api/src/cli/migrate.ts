import { applyMigrations, openDatabase, readMigrations } from '@inkwell/prisma';
import { loadConfig } from '../config/config.js';
import { runCli } from './run-cli.js';

/** `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded database). */
runCli(async () => {
  const config = loadConfig(process.env);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const migrations = await readMigrations();
    const result = await db.withScriptRunner((runner) =>
      applyMigrations(runner, migrations, console.log),
    );
    console.log(
      `${result.applied.length} migration(s) applied, ${result.alreadyApplied.length} already applied.`,
    );
  } finally {
    await db.close();
  }
});
