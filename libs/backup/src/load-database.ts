import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { BackupError } from './backup-error.js';
import { parseCopyText } from './copy-text.js';
import { type Manifest, type TableEntry } from './manifest.js';
import { PORTABLE_TEXT_SETTINGS } from './session-settings.js';
import { parentsFirst } from './table-order.js';

/**
 * Loads the backup's tables into a freshly migrated database in one transaction (parents before
 * children, sequences set where they were), then refreshes the planner's statistics.
 *
 * Each table goes in as one `INSERT ... SELECT value::type FROM unnest(text arrays)`: the server
 * reads each value with its type's input function, as COPY FROM does, and the embedded database (whose
 * PGlite cannot take `COPY ... FROM STDIN` over the wire protocol) and PostgreSQL share one path.
 */
export async function loadDatabase(
  client: pg.Client,
  folder: string,
  manifest: Pick<Manifest, 'tables' | 'sequences'>,
): Promise<void> {
  const byTable = new Map(manifest.tables.map((entry) => [entry.table, entry]));
  const order = await parentsFirst(client, [...byTable.keys()]);
  await client.query('BEGIN');
  try {
    // Keys that close a cycle between tables are checked once every row is in (see parentsFirst).
    await client.query('SET CONSTRAINTS ALL DEFERRED');
    await client.query(PORTABLE_TEXT_SETTINGS);
    // The target was empty before it was migrated: rows in it now are the migrations' defaults
    // (the site settings' one row), which the backup's own rows replace.
    for (const table of [...order].reverse()) {
      await client.query(`DELETE FROM ${pg.escapeIdentifier(table)}`);
    }
    for (const table of order) await loadTable(client, folder, byTable.get(table)!);
    for (const sequence of manifest.sequences) {
      await client.query('SELECT setval(pg_get_serial_sequence($1, $2), $3::bigint, $4)', [
        pg.escapeIdentifier(sequence.table),
        sequence.column,
        sequence.value,
        sequence.isCalled,
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
  // The new rows have no statistics yet; PGlite has no autovacuum to gather them.
  await client.query('ANALYZE');
}

async function loadTable(client: pg.Client, folder: string, entry: TableEntry): Promise<void> {
  const types = await columnTypes(client, entry);
  const rows = parseCopyText(await readFile(path.join(folder, entry.path), 'utf8'));
  if (rows.length !== entry.rows) {
    throw new BackupError(
      `${entry.path} holds ${rows.length} rows; the manifest says ${entry.rows}.`,
    );
  }
  const target = `${pg.escapeIdentifier(entry.table)} (${entry.columns.map((c) => pg.escapeIdentifier(c)).join(', ')})`;
  const values = types.map((_type, i) => `$${i + 1}::text[]`).join(', ');
  const casts = types.map((type, i) => `c${i}::${type}`).join(', ');
  const names = types.map((_type, i) => `c${i}`).join(', ');
  // One statement for the whole table: a reference to the same table (a reply to a comment) is
  // checked once every row is in, whatever the order of the rows in the file.
  await client.query(
    `INSERT INTO ${target} SELECT ${casts} FROM unnest(${values}) AS r(${names})`,
    types.map((_type, column) => rows.map((row) => row[column] ?? null)),
  );
}

/** Each backed-up column's type in the target, as SQL; a column the target lacks is an error. */
async function columnTypes(client: pg.Client, entry: TableEntry): Promise<string[]> {
  const { rows } = await client.query<{ attname: string; type: string }>(
    `SELECT attname, format_type(atttypid, atttypmod) AS type FROM pg_attribute
     WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
    [pg.escapeIdentifier(entry.table)],
  );
  const typeOf = new Map(rows.map((row) => [row.attname, row.type]));
  return entry.columns.map((column) => {
    const type = typeOf.get(column);
    if (!type) {
      throw new BackupError(`The restored schema has no column ${entry.table}.${column}.`);
    }
    return type;
  });
}
