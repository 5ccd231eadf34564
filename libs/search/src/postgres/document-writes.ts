import { ACTIVE_GENERATION } from './schema.js';
import { type DocumentRow, insertRowsSql } from './document-rows.js';
import { indexedRows } from './document-vectors.js';
import { type SqlClient } from './sql-client.js';
import { titlePrefixRowsSql } from './title-prefixes.js';

/**
 * Upserts one document, moves the lexicon's document counts by the difference between its old
 * and new words and replaces a post's title prefixes, in one statement (after one that only
 * reads its vector): atomic without a transaction, so a Pool can run it. The old row is locked
 * first, so two concurrent saves of one post count its words once.
 */
export async function upsertDocument(db: SqlClient, row: DocumentRow): Promise<void> {
  const indexed = await indexedRows(db, [row]);
  await db.query(
    `WITH old AS (
       SELECT words FROM search_document
       WHERE generation = ${ACTIVE_GENERATION} AND kind = $2 AND source_id = $3
       FOR UPDATE
     ), saved AS (
       ${insertRowsSql('search_document', '$1', ACTIVE_GENERATION)}
       ON CONFLICT (generation, kind, source_id) DO UPDATE SET
         post_id = EXCLUDED.post_id, slug = EXCLUDED.slug, title = EXCLUDED.title, body = EXCLUDED.body,
         categories = EXCLUDED.categories, category_slugs = EXCLUDED.category_slugs,
         published_at = EXCLUDED.published_at, words = EXCLUDED.words, vec = EXCLUDED.vec,
         title_vec = EXCLUDED.title_vec, pairs = EXCLUDED.pairs
       RETURNING 1
     ), old_prefixes AS (
       DELETE FROM search_title_prefix
       WHERE generation = ${ACTIVE_GENERATION} AND $2 = 'post' AND source_id = $3
     ), new_prefixes AS (
       ${titlePrefixRowsSql(`(SELECT ${ACTIVE_GENERATION} AS generation, x.source_id, x.published_at, x.title
         FROM jsonb_to_recordset($1::jsonb) AS x(kind text, source_id int, published_at timestamptz, title text)
         WHERE x.kind = 'post')`)}
     ), delta AS (
       SELECT word, sum(change)::int AS change FROM (
         SELECT unnest(words) AS word, -1 AS change FROM old
         UNION ALL SELECT jsonb_array_elements_text($1::jsonb -> 0 -> 'words'), 1
       ) changes GROUP BY word HAVING sum(change) <> 0
     )
     INSERT INTO search_term (generation, word, doc_count)
     SELECT ${ACTIVE_GENERATION}, word, change FROM delta
     ON CONFLICT (generation, word) DO UPDATE SET doc_count = search_term.doc_count + EXCLUDED.doc_count`,
    [JSON.stringify(indexed), row.kind, row.source_id],
  );
}

/**
 * Deletes a post (with the comments indexed under it and its title prefixes) or a comment, and
 * takes their words out of the lexicon's counts.
 */
export async function deleteDocuments(
  db: SqlClient,
  kind: 'post' | 'comment',
  id: number,
): Promise<void> {
  await db.query(
    `WITH removed AS (
       DELETE FROM search_document
       WHERE generation = ${ACTIVE_GENERATION}
         AND ((kind = $1 AND source_id = $2) OR ($1 = 'post' AND kind = 'comment' AND post_id = $2))
       RETURNING words
     ), removed_prefixes AS (
       DELETE FROM search_title_prefix
       WHERE generation = ${ACTIVE_GENERATION} AND $1 = 'post' AND source_id = $2
     ), delta AS (
       SELECT word, count(*)::int AS n FROM removed, unnest(removed.words) AS word GROUP BY word
     )
     UPDATE search_term t SET doc_count = t.doc_count - delta.n
     FROM delta WHERE t.generation = ${ACTIVE_GENERATION} AND t.word = delta.word`,
    [kind, id],
  );
}
