import {
  DOCUMENT_INDEXES,
  DOCUMENT_KEY,
  documentColumnSettingsSql,
  documentIndexesSql,
} from './schema.js';
import { type SqlClient } from './sql-client.js';

/**
 * The table a reindex loads: `search_document`'s layout, without indexes until its rows are in.
 * Built index by index from a full table, GIN sorts its entries in `maintenance_work_mem` and
 * writes each key's posting list once, where inserting row by row (into the indexes the live
 * generation shares) merged pending lists into an index larger than PGlite's buffer pool again
 * and again. Searches keep reading `search_document` until `swapInShadowTable`.
 */
export const SHADOW_TABLE = 'search_document_next';

/** A new, empty shadow table; one left by an interrupted reindex is dropped first. */
export async function createShadowTable(db: SqlClient): Promise<void> {
  await db.query(`DROP TABLE IF EXISTS ${SHADOW_TABLE}`);
  await db.query(
    `CREATE TABLE ${SHADOW_TABLE} (LIKE search_document INCLUDING ALL EXCLUDING INDEXES)`,
  );
  await db.query(documentColumnSettingsSql(SHADOW_TABLE));
}

/** The key and the indexes of `search_document`, built over the loaded shadow table. */
export async function indexShadowTable(db: SqlClient): Promise<void> {
  await db.query(`ALTER TABLE ${SHADOW_TABLE} ADD PRIMARY KEY ${DOCUMENT_KEY}`);
  await db.query(`DO $build$ BEGIN ${documentIndexesSql(SHADOW_TABLE)} END $build$`);
}

/**
 * Makes `generation` live and the shadow table `search_document`, its indexes renamed to the
 * names `setup()` gives them, in one transaction (a DO block, so a Pool can send it): readers
 * see the old table and generation or the new ones. The old table goes with its rows.
 */
export async function swapInShadowTable(db: SqlClient, generation: number): Promise<void> {
  const renames = ['pkey', ...Object.keys(DOCUMENT_INDEXES)].map(
    (suffix) => `ALTER INDEX ${SHADOW_TABLE}_${suffix} RENAME TO search_document_${suffix};`,
  );
  await db.query(`DO $swap$
    BEGIN
      UPDATE search_state SET generation = ${Number(generation)} WHERE id = 1;
      DROP TABLE search_document;
      ALTER TABLE ${SHADOW_TABLE} RENAME TO search_document;
      ${renames.join('\n      ')}
    END
    $swap$`);
}
