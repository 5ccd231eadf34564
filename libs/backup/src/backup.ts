import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { openDatabase } from '@inkwell/prisma';
import { BackupError } from './backup-error.js';
import { writeChecksummed } from './checksummed-file.js';
import { parseCopyText } from './copy-text.js';
import { dumpDatabase } from './dump-database.js';
import { assertEmptyFolder } from './empty-target.js';
import { FORMAT_VERSION, MANIFEST_FILE, type Manifest } from './manifest.js';
import { backUpOriginals } from './uploads.js';

export interface BackupOptions {
  /** PostgreSQL to back up; unset: the embedded database in `dataDir`. */
  databaseUrl?: string | undefined;
  /** The site's data directory: the embedded database and the uploaded images. */
  dataDir: string;
  /** Where the backup goes: a missing or empty folder. */
  folder: string;
  log?: (message: string) => void;
}

/**
 * Writes a backup of a site that may be running: the database from one snapshot, then the
 * originals of the images that snapshot names, then the manifest. A backup stopped halfway has
 * no manifest, and a restore refuses it.
 */
export async function backup(options: BackupOptions): Promise<Manifest> {
  const { dataDir, folder, log = () => {} } = options;
  await assertEmptyFolder(folder, 'backup folder');
  if (!options.databaseUrl && !existsSync(path.join(dataDir, 'pglite', 'PG_VERSION'))) {
    throw new BackupError(`${dataDir} holds no embedded database to back up.`);
  }
  await mkdir(folder, { recursive: true });
  const db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir });
  try {
    const started = Date.now();
    const dump = await db.withClient((client) => dumpDatabase(client, folder, db.kind));
    const rows = dump.tables.reduce((sum, table) => sum + table.rows, 0);
    log(`Database: ${dump.tables.length} tables, ${rows} rows (${Date.now() - started} ms)`);
    const uploads = await backUpOriginals(await imageHashes(folder, dump.tables), dataDir, folder);
    log(`Uploads: ${uploads.length} files`);
    const manifest: Manifest = {
      format: 'inkwell-backup',
      version: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      ...dump,
      uploads,
    };
    await writeChecksummed(
      Readable.from([Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)]),
      path.join(folder, MANIFEST_FILE),
    );
    return manifest;
  } finally {
    await db.close();
  }
}

/** The content hashes of the images in the backed-up `Image` table. */
async function imageHashes(folder: string, tables: Manifest['tables']): Promise<string[]> {
  const images = tables.find((entry) => entry.table === 'Image');
  if (!images) return [];
  const column = images.columns.indexOf('hash');
  const rows = parseCopyText(await readFile(path.join(folder, images.path), 'utf8'));
  return rows.map((row) => row[column]!);
}
