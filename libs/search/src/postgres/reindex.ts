import { type IndexableDocument, type ReindexProgress } from '../engine.js';
import { documentRow, insertRowsSql, type DocumentRow } from './document-rows.js';
import { indexedRows } from './document-vectors.js';
import {
  ACTIVE_GENERATION,
  BULK_LOAD_INDEXES,
  BULK_LOAD_PENDING_LIST_KB,
  BULK_LOAD_PAIRS_PER_MERGE,
  GIN_INDEXES,
  PENDING_LIST_LIMIT_KB,
  vacuumAnalyzeSearchTables,
} from './schema.js';
import { type SqlClient } from './sql-client.js';
import { titlePrefixRowsSql } from './title-prefixes.js';

const BATCH_SIZE = 100;
/**
 * Batches sent before the first one is answered: the next batch's text is prepared while the
 * database stems the previous one, and a pool runs two inserts side by side (stemming and the
 * pair index are most of a reindex's time, and each statement uses one core). PGlite, a single
 * connection, runs them one after the other.
 */
const BATCHES_IN_FLIGHT = 2;

/**
 * Builds the next generation beside the live one, counts its lexicon and lists its title
 * prefixes in one pass each, then flips
 * `search_state` in a single UPDATE and drops the old generation. Searches keep answering from
 * the old generation until the flip. Writes that arrive during a reindex land in the old
 * generation only: run it from the source of truth, when publishing is quiet.
 */
export async function reindexDocuments(
  db: SqlClient,
  docs: AsyncIterable<IndexableDocument>,
  onProgress?: (progress: ReindexProgress) => void,
): Promise<ReindexProgress> {
  const { rows } = await db.query(`SELECT ${ACTIVE_GENERATION} + 1 AS next`);
  const next = Number(rows[0]?.next);
  // Leftovers of an interrupted reindex.
  await db.query('DELETE FROM search_document WHERE generation >= $1', [next]);
  await db.query('DELETE FROM search_term WHERE generation >= $1', [next]);
  await db.query('DELETE FROM search_title_prefix WHERE generation >= $1', [next]);

  const progress: ReindexProgress = { posts: 0, comments: 0 };
  await setBulkLoadPendingLists(db, BULK_LOAD_PENDING_LIST_KB);
  try {
    await loadDocuments(db, next, docs, progress, onProgress);
  } finally {
    await setBulkLoadPendingLists(db, PENDING_LIST_LIMIT_KB);
  }

  await db.query(
    `INSERT INTO search_term (generation, word, doc_count)
     SELECT $1::int, word, count(*) FROM search_document, unnest(words) AS word
     WHERE generation = $1::int GROUP BY word`,
    [next],
  );
  await db.query(
    titlePrefixRowsSql(
      `(SELECT generation, source_id, published_at, title FROM search_document
        WHERE generation = $1::int AND kind = 'post')`,
    ),
    [next],
  );
  // Readers arrive at merged pending lists: a search scans a pending list in full.
  for (const index of GIN_INDEXES) await db.query(`SELECT gin_clean_pending_list('${index}')`);
  await db.query('UPDATE search_state SET generation = $1 WHERE id = 1', [next]);
  await db.query('DELETE FROM search_document WHERE generation < $1', [next]);
  await db.query('DELETE FROM search_term WHERE generation < $1', [next]);
  await db.query('DELETE FROM search_title_prefix WHERE generation < $1', [next]);
  // Statistics of the new generation alone, without the old one's dead rows: with stale ones,
  // PostgreSQL looked the lexicon up through the trigram index, one probe per spelling variant.
  await vacuumAnalyzeSearchTables(db);
  return progress;
}

/** A storage parameter: it applies to the index's next insertions, whichever connection makes them. */
async function setBulkLoadPendingLists(db: SqlClient, kilobytes: number): Promise<void> {
  for (const index of BULK_LOAD_INDEXES) {
    await db.query(`ALTER INDEX ${index} SET (gin_pending_list_limit = ${kilobytes})`);
  }
}

/** The elements of a bigint[] literal, `{1,-2,3}`. */
function pairCount(literal: string): number {
  if (literal === '{}') return 0;
  let count = 1;
  for (let i = 0; i < literal.length; i++) if (literal.charCodeAt(i) === 0x2c) count++;
  return count;
}

/** Sends the documents as JSON batches, `BATCHES_IN_FLIGHT` at a time. */
async function loadDocuments(
  db: SqlClient,
  next: number,
  docs: AsyncIterable<IndexableDocument>,
  progress: ReindexProgress,
  onProgress?: (progress: ReindexProgress) => void,
): Promise<void> {
  const inFlight: Promise<void>[] = [];
  let pendingPairs = 0;
  const send = async (batch: DocumentRow[], reached: ReindexProgress): Promise<void> => {
    const rows = await indexedRows(db, batch);
    await db.query(insertRowsSql('$1', '$2::int'), [JSON.stringify(rows), next]);
    pendingPairs += rows.reduce((sum, row) => sum + pairCount(row.pairs), 0);
    if (pendingPairs >= BULK_LOAD_PAIRS_PER_MERGE) {
      pendingPairs = 0;
      for (const index of BULK_LOAD_INDEXES) {
        await db.query(`SELECT gin_clean_pending_list('${index}')`);
      }
    }
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
      batch.push(documentRow(doc));
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
