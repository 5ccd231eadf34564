import { type IndexableDocument, type ReindexProgress } from '../engine.js';
import { documentRow, insertRowsSql, type DocumentRow } from './document-rows.js';
import { ACTIVE_GENERATION, GIN_INDEXES, vacuumAnalyzeSearchTables } from './schema.js';
import { type SqlClient } from './sql-client.js';

const BATCH_SIZE = 100;

/**
 * Builds the next generation beside the live one, counts its lexicon in one pass, then flips
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

  const progress: ReindexProgress = { posts: 0, comments: 0 };
  let batch: DocumentRow[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await db.query(insertRowsSql('$1', '$2::int'), [JSON.stringify(batch), next]);
    batch = [];
    onProgress?.({ ...progress });
  };
  for await (const doc of docs) {
    batch.push(documentRow(doc));
    if (doc.kind === 'post') progress.posts++;
    else progress.comments++;
    if (batch.length >= BATCH_SIZE) await flush();
  }
  await flush();

  await db.query(
    `INSERT INTO search_term (generation, word, doc_count)
     SELECT $1::int, word, count(*) FROM search_document, unnest(words) AS word
     WHERE generation = $1::int GROUP BY word`,
    [next],
  );
  // Readers arrive at merged pending lists: a search scans a pending list in full.
  for (const index of GIN_INDEXES) await db.query(`SELECT gin_clean_pending_list('${index}')`);
  await db.query('UPDATE search_state SET generation = $1 WHERE id = 1', [next]);
  await db.query('DELETE FROM search_document WHERE generation < $1', [next]);
  await db.query('DELETE FROM search_term WHERE generation < $1', [next]);
  // Statistics of the new generation alone, without the old one's dead rows: with stale ones,
  // PostgreSQL looked the lexicon up through the trigram index, one probe per spelling variant.
  await vacuumAnalyzeSearchTables(db);
  return progress;
}
