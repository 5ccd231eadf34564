import { type IndexableDocument, type ReindexProgress } from '../engine.js';
import { documentRow, insertRowsSql, type DocumentRow } from './document-rows.js';
import { indexedRows } from './document-vectors.js';
import { LexiconCounts } from './lexicon-counts.js';
import { ACTIVE_GENERATION, vacuumAnalyzeSearchTables } from './schema.js';
import {
  createShadowTable,
  indexShadowTable,
  SHADOW_TABLE,
  swapInShadowTable,
} from './shadow-table.js';
import { type SqlClient } from './sql-client.js';
import { titlePrefixRowsSql } from './title-prefixes.js';

const BATCH_SIZE = 100;
/**
 * Batches sent before the first one is answered: the next batch's text is prepared while the
 * database stems the previous one, and a pool runs two inserts side by side (stemming is most
 * of the load's time, and each statement uses one core). PGlite, a single connection, runs them
 * one after the other.
 */
const BATCHES_IN_FLIGHT = 2;

/**
 * Builds the next generation in the shadow table (`shadow-table.ts`), indexes it, writes the
 * lexicon counted during the load and lists its title prefixes in one pass, then swaps it in with the flip of
 * `search_state` in one transaction. Searches keep answering from the old generation until
 * then, and from it alone if the reindex fails. Writes that arrive during a reindex land in the
 * old generation only: run it from the source of truth, when publishing is quiet.
 */
export async function reindexDocuments(
  db: SqlClient,
  docs: AsyncIterable<IndexableDocument>,
  onProgress?: (progress: ReindexProgress) => void,
): Promise<ReindexProgress> {
  const { rows } = await db.query(`SELECT ${ACTIVE_GENERATION} + 1 AS next`);
  const next = Number(rows[0]?.next);
  // Leftovers of an interrupted reindex.
  await db.query('DELETE FROM search_term WHERE generation >= $1', [next]);
  await db.query('DELETE FROM search_title_prefix WHERE generation >= $1', [next]);
  await createShadowTable(db);

  const progress: ReindexProgress = { posts: 0, comments: 0 };
  const lexicon = new LexiconCounts();
  await loadDocuments(db, next, docs, progress, lexicon, onProgress);
  await indexShadowTable(db);

  await lexicon.insert(db, next);
  await db.query(
    titlePrefixRowsSql(
      `(SELECT generation, source_id, published_at, title FROM ${SHADOW_TABLE} WHERE kind = 'post')`,
    ),
  );
  await swapInShadowTable(db, next);
  await db.query('DELETE FROM search_term WHERE generation < $1', [next]);
  await db.query('DELETE FROM search_title_prefix WHERE generation < $1', [next]);
  // Statistics of the new generation alone, without the old one's dead rows: with stale ones,
  // PostgreSQL looked the lexicon up through the trigram index, one probe per spelling variant.
  await vacuumAnalyzeSearchTables(db);
  return progress;
}

/**
 * Sends the documents as JSON batches into the shadow table, `BATCHES_IN_FLIGHT` at a time,
 * and counts their words.
 */
async function loadDocuments(
  db: SqlClient,
  next: number,
  docs: AsyncIterable<IndexableDocument>,
  progress: ReindexProgress,
  lexicon: LexiconCounts,
  onProgress?: (progress: ReindexProgress) => void,
): Promise<void> {
  const inFlight: Promise<void>[] = [];
  const send = async (batch: DocumentRow[], reached: ReindexProgress): Promise<void> => {
    const rows = await indexedRows(db, batch);
    await db.query(insertRowsSql(SHADOW_TABLE, '$1', '$2::int'), [JSON.stringify(rows), next]);
    onProgress?.(reached);
  };
  const flush = async (batch: DocumentRow[]): Promise<void> => {
    if (inFlight.length >= BATCHES_IN_FLIGHT) await inFlight.shift();
    const sent = send(batch, { ...progress });
    // Awaited in turn below; a failure before its turn must not count as unhandled.
    sent.catch(() => undefined);
    inFlight.push(sent);
  };
  try {
    let batch: DocumentRow[] = [];
    for await (const doc of docs) {
      const row = documentRow(doc);
      batch.push(row);
      lexicon.add(row.words);
      if (doc.kind === 'post') progress.posts++;
      else progress.comments++;
      if (batch.length >= BATCH_SIZE) {
        await flush(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await flush(batch);
    while (inFlight.length > 0) await inFlight.shift();
  } finally {
    // Never leave an insert running behind a failure.
    await Promise.allSettled(inFlight);
  }
}
