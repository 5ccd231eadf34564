import { type SuggestBackend, type TitleMatch } from '../query/run-suggest.js';
import { ACTIVE_GENERATION, TITLE_WORDS_SQL } from './schema.js';
import { type SqlClient } from './sql-client.js';
import { newestTitlesWithPrefixSql } from './title-prefixes.js';

/**
 * A tsquery (for `to_tsquery('simple', ...)`) requiring a word starting with each of `words`.
 * Words are letters and digits only (the tokenizer's), quoted so none reads as an operator.
 */
export function prefixTsquery(words: readonly string[]): string {
  return words.map((word) => `'${word}':*`).join(' & ');
}

/**
 * The prefix lookups behind search as you type. As everywhere in this engine (ADR 0008), each
 * scan is a MATERIALIZED CTE by its index condition alone, generation and kind checked on what
 * it found, so no missing statistic can turn it into a scan of every row:
 * - titles by a prefix alone: the newest entries under that prefix in `search_title_prefix`
 *   (see `title-prefixes.ts`), read in date order and stopped at `limit`;
 * - titles by whole words and a prefix: the GIN index on each post title's unstemmed words
 *   (`TITLE_WORDS_SQL`), which serves `'word':*` prefix queries and intersects the words;
 * - the lexicon: a range scan of the btree on `word COLLATE "C"` (byte order, so every word
 *   starting with the prefix lies between the prefix and the prefix followed by the highest
 *   code point), whatever the database's collation.
 */
export function postgresPrefixLookups(db: SqlClient): SuggestBackend {
  return {
    async titlesMatching(words, prefix, limit): Promise<TitleMatch[]> {
      const { rows } =
        words.length === 0 && prefix !== null
          ? await db.query(
              `WITH ${newestTitlesWithPrefixSql(ACTIVE_GENERATION, '$1', '$2')}
               SELECT d.slug, d.title FROM newest n
               CROSS JOIN LATERAL (
                 SELECT d.slug, d.title FROM search_document d
                 WHERE d.generation = ${ACTIVE_GENERATION} AND d.kind = 'post' AND d.source_id = n.source_id
               ) d
               ORDER BY n.published_at DESC NULLS LAST, n.source_id DESC`,
              [prefix, limit],
            )
          : await db.query(
              `WITH found AS MATERIALIZED (
                 SELECT d.generation, d.kind, d.source_id, d.slug, d.title, d.published_at
                 FROM search_document d WHERE ${TITLE_WORDS_SQL('d.kind', 'd.title')} @@ to_tsquery('simple', $1)
               )
               SELECT f.slug, f.title FROM found f
               WHERE f.generation = ${ACTIVE_GENERATION} AND f.kind = 'post'
               ORDER BY f.published_at DESC NULLS LAST, f.source_id DESC
               LIMIT $2`,
              [prefixTsquery(prefix === null ? words : [...words, prefix]), limit],
            );
      return rows.map((row) => ({ slug: String(row.slug), title: String(row.title) }));
    },

    async wordsStartingWith(prefix, limit): Promise<string[]> {
      const { rows } = await db.query(
        `WITH found AS MATERIALIZED (
           SELECT t.generation, t.word, t.doc_count FROM search_term t
           WHERE t.word COLLATE "C" >= $1 AND t.word COLLATE "C" < $1 || chr(1114111)
         )
         SELECT f.word FROM found f
         WHERE f.generation = ${ACTIVE_GENERATION} AND f.doc_count > 0
         ORDER BY f.doc_count DESC, f.word COLLATE "C"
         LIMIT $2`,
        [prefix, limit],
      );
      return rows.map((row) => String(row.word));
    },
  };
}
