import { readdir } from 'node:fs/promises';
import type pg from 'pg';
import { BackupError } from './backup-error.js';

/** Throws unless `folder` is missing or has no entries: a backup or restore never overwrites. */
export async function assertEmptyFolder(folder: string, what: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (entries.length > 0) {
    throw new BackupError(
      `The ${what} ${folder} is not empty (it holds ${entries.slice(0, 3).join(', ')}` +
        `${entries.length > 3 ? ', …' : ''}). Name an empty or new folder.`,
    );
  }
}

/** Throws unless the database has no tables: a restore goes into a new, empty database only. */
export async function assertEmptyDatabase(client: pg.Client, where: string): Promise<void> {
  const { rows } = await client.query<{ relname: string }>(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
  );
  if (rows.length > 0) {
    throw new BackupError(
      `The database ${where} is not empty (it has ${rows.length} table(s): ` +
        `${rows
          .slice(0, 3)
          .map((row) => row.relname)
          .join(', ')}${rows.length > 3 ? ', …' : ''}). Restore into a new, empty database.`,
    );
  }
}
