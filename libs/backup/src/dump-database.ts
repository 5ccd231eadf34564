import path from 'node:path';
import { Prisma } from '@inkwell/prisma';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { writeChecksummed } from './checksummed-file.js';
import { type Manifest, type SequenceEntry, type TableEntry } from './manifest.js';
import { PORTABLE_TEXT_SETTINGS } from './session-settings.js';

/**
 * The application's tables: one per Prisma model. The search index's tables are derived data
 * the API rebuilds at start, and `_prisma_migrations` is written again by the restore's
 * migration runner: neither is copied.
 */
export const APPLICATION_TABLES: readonly string[] = Object.values(Prisma.ModelName);

export type DatabaseDump = Pick<Manifest, 'source' | 'migrations' | 'tables' | 'sequences'>;

/** Where a table's rows go inside a backup folder. */
function tableFile(table: string): string {
  return `database/${table}.tsv`;
}

/**
 * Copies every application table into `<folder>/database/<table>.tsv` (COPY's text format) from
 * one REPEATABLE READ snapshot, with the applied migrations and the sequences' positions, so
 * the tables agree with each other as of one instant while the site goes on writing. On the
 * embedded database the snapshot holds its one session: the site's queries wait until the
 * copy ends.
 */
export async function dumpDatabase(
  client: pg.Client,
  folder: string,
  engine: Manifest['source']['engine'],
): Promise<DatabaseDump> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await client.query(PORTABLE_TEXT_SETTINGS);
    const { rows: version } = await client.query<{ server_version: string }>('SHOW server_version');
    const { rows: migrations } = await client.query<{ name: string; checksum: string }>(
      `SELECT migration_name AS name, checksum FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const tables: TableEntry[] = [];
    for (const table of APPLICATION_TABLES) tables.push(await dumpTable(client, folder, table));
    const sequences = await readSequences(client);
    await client.query('COMMIT');
    return {
      source: { engine, serverVersion: version[0]!.server_version },
      migrations,
      tables,
      sequences,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

async function dumpTable(client: pg.Client, folder: string, table: string): Promise<TableEntry> {
  const columns = await storedColumns(client, table);
  const columnList = columns.map((column) => pg.escapeIdentifier(column)).join(', ');
  const stream = client.query(
    copyTo(`COPY ${pg.escapeIdentifier(table)} (${columnList}) TO STDOUT`),
  );
  let rows = 0;
  // COPY escapes newlines inside values: each line feed ends a row.
  async function* countingRows(): AsyncGenerator<Buffer> {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (const byte of chunk) if (byte === 0x0a) rows += 1;
      yield chunk;
    }
  }
  const file = tableFile(table);
  const written = await writeChecksummed(countingRows(), path.join(folder, file));
  return { table, columns, rows, path: file, ...written };
}

/** Columns that hold data: generated columns are computed again by the target. */
export async function storedColumns(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ attname: string }>(
    `SELECT attname FROM pg_attribute
     WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
     ORDER BY attnum`,
    [pg.escapeIdentifier(table)],
  );
  return rows.map((row) => row.attname);
}

async function readSequences(client: pg.Client): Promise<SequenceEntry[]> {
  const { rows: owned } = await client.query<{ table: string; column: string; sequence: string }>(
    `SELECT c.relname AS table, a.attname AS column,
            pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS sequence
     FROM pg_attribute a
     JOIN pg_class c ON c.oid = a.attrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relname = ANY($1) AND a.attnum > 0
       AND NOT a.attisdropped
       AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL
     ORDER BY c.relname, a.attname`,
    [APPLICATION_TABLES],
  );
  const sequences: SequenceEntry[] = [];
  for (const { table, column, sequence } of owned) {
    // A sequence is outside the snapshot: it may be ahead of the rows copied, which only
    // leaves a gap in the ids the restored site hands out next.
    const { rows } = await client.query<{ value: string; is_called: boolean }>(
      `SELECT last_value::text AS value, is_called FROM ${sequence}`,
    );
    sequences.push({ table, column, value: rows[0]!.value, isCalled: rows[0]!.is_called });
  }
  return sequences;
}
