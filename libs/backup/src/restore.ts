import { applyMigrations, openDatabase, readMigrations, type Migration } from '@inkwell/prisma';
import { BackupError } from './backup-error.js';
import { assertEmptyDatabase, assertEmptyFolder } from './empty-target.js';
import { loadDatabase } from './load-database.js';
import { readManifest, type Manifest } from './manifest.js';
import { restoreUploads } from './uploads.js';
import { verifyBackup } from './verify-backup.js';

export interface RestoreOptions {
  /** An empty PostgreSQL database to restore into; unset: the embedded database in `dataDir`. */
  databaseUrl?: string | undefined;
  /** The new site's data directory: missing or empty. */
  dataDir: string;
  /** The backup folder. */
  folder: string;
  /** The migrations this Inkwell has; default `prisma/migrations`. */
  migrations?: Migration[];
  log?: (message: string) => void;
}

/**
 * Restores a backup into an empty data directory and an empty database. Every file is checked
 * before anything is written. The schema is migrated to the backup's migrations, the rows are
 * loaded, and only then are this Inkwell's newer migrations applied, so they convert the old
 * rows as they would have on the old site.
 */
export async function restore(options: RestoreOptions): Promise<Manifest> {
  const { dataDir, folder, log = () => {} } = options;
  const manifest = await readManifest(folder);
  await verifyBackup(folder, manifest);
  const migrations = options.migrations ?? (await readMigrations());
  const backupMigrations = migrationsOfBackup(manifest, migrations);
  await assertEmptyFolder(dataDir, 'data folder');
  const db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir });
  try {
    if (options.databaseUrl) {
      await db.withClient((client) => assertEmptyDatabase(client, redacted(options.databaseUrl!)));
    }
    await db.withScriptRunner((runner) => applyMigrations(runner, backupMigrations, log));
    await db.withClient((client) => loadDatabase(client, folder, manifest));
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    log(`Database: ${manifest.tables.length} tables, ${rows} rows`);
    await db.withScriptRunner((runner) => applyMigrations(runner, migrations, log));
    await restoreUploads(manifest.uploads, folder, dataDir);
    log(`Uploads: ${manifest.uploads.length} files`);
    return manifest;
  } finally {
    await db.close();
  }
}

/** This Inkwell's copies of the backup's migrations; a backup from a newer Inkwell is refused. */
function migrationsOfBackup(manifest: Manifest, migrations: Migration[]): Migration[] {
  const known = new Map(migrations.map((migration) => [migration.name, migration]));
  return manifest.migrations.map(({ name, checksum }) => {
    const migration = known.get(name);
    if (!migration) {
      throw new BackupError(
        `The backup was made after migration ${name}, which this Inkwell does not have: ` +
          'restore it with the same or a newer Inkwell version.',
      );
    }
    if (migration.checksum !== checksum) {
      throw new BackupError(`Migration ${name} differs from the one the backed-up site applied.`);
    }
    return migration;
  });
}

function redacted(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'at DATABASE_URL';
  }
}
