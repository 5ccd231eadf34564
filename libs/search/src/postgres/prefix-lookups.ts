import { type SuggestBackend, type SuggestMatches } from '../query/run-suggest.js';
import { ACTIVE_GENERATION, TITLE_WORDS_SQL } from './schema.js';
import { type SqlClient } from './sql-client.js';
import { SqlParams } from './sql-params.js';
import { newestTitlesWithPrefixSql } from './title-prefixes.js';

/**
 * A tsquery (for `to_tsquery('simple', ...)`) requiring a word starting with each of `words`.
 * Words are letters and digits only (the tokenizer's), quoted so none reads as an operator.
 */
export function prefixTsquery(words: readonly string[]): string {
  return words.map((word) => `'${word}':*`).join(' & ');
}

/**
 * The titles' CTE (`titles`: slug, title, published_at, source_id of the matching posts, at
 * most `limit`) for posts whose titles hold a word starting with each of `words` and `prefix`
 * (`prefixParam` its placeholder).
 */
function titlesCte(
  words: readonly string[],
  prefix: string | null,
  prefixParam: string | null,
  limit: string,
  params: SqlParams,
): string {
  if (words.length === 0 && prefixParam !== null) {
    return `${newestTitlesWithPrefixSql(ACTIVE_GENERATION, prefixParam, limit)},
      titles AS (
        SELECT d.slug, d.title, n.published_at, n.source_id FROM newest n
        CROSS JOIN LATERAL (
          SELECT d.slug, d.title FROM search_document d
          WHERE d.generation = n.generation AND d.kind = 'post' AND d.source_id = n.source_id
        ) d
      )`;
  }
  const tsquery = params.add(prefixTsquery(prefix === null ? words : [...words, prefix]));
  return `found AS MATERIALIZED (
        SELECT d.generation, d.kind, d.source_id, d.slug, d.title, d.published_at
        FROM search_document d WHERE ${TITLE_WORDS_SQL('d.kind', 'd.title')} @@ to_tsquery('simple', ${tsquery})
      ),
      titles AS (
        SELECT f.slug, f.title, f.published_at, f.source_id FROM found f
        WHERE f.generation = ${ACTIVE_GENERATION} AND f.kind = 'post'
        ORDER BY f.published_at DESC NULLS LAST, f.source_id DESC
        LIMIT ${limit}
      )`;
}

/** The lexicon's CTE (`lexicon`: generation, word, doc_count of the words starting with `prefix`). */
function lexiconCte(prefix: string): string {
  return `lexicon AS MATERIALIZED (
        SELECT t.generation, t.word, t.doc_count FROM search_term t
        WHERE t.word COLLATE "C" >= ${prefix} AND t.word COLLATE "C" < ${prefix} || chr(1114111)
      )`;
}

/**
 * The prefix lookups behind search as you type, in one statement (one round trip, one plan):
 * the matching titles as a JSON array of [slug, title] pairs, newest first, and the lexicon's
 * completions as an array of words, most documents first. As everywhere in this engine
 * (ADR 0008), each scan is a MATERIALIZED CTE by its index condition alone, generation and kind
 * checked on what it found, so no missing statistic can turn it into a scan of every row:
 * - titles by a prefix alone: the newest entries under that prefix in `search_title_prefix`
 *   (see `title-prefixes.ts`), read in date order and stopped at the limit;
 * - titles by whole words and a prefix: the GIN index on each post title's unstemmed words
 *   (`TITLE_WORDS_SQL`), which serves `'word':*` prefix queries and intersects the words;
 * - the lexicon: a range scan of the btree on `word COLLATE "C"` (byte order, so every word
 *   starting with the prefix lies between the prefix and the prefix followed by the highest
 *   code point), whatever the database's collation.
 */
export function postgresPrefixLookups(db: SqlClient): SuggestBackend {
  return {
    async lookUp({ words, prefix, titleLimit, wordLimit }): Promise<SuggestMatches> {
      const params = new SqlParams();
      const prefixParam = prefix === null ? null : params.add(prefix);
      const ctes = [titlesCte(words, prefix, prefixParam, params.add(titleLimit), params)];
      const columns = [
        `(SELECT json_agg(json_build_array(t.slug, t.title)
            ORDER BY t.published_at DESC NULLS LAST, t.source_id DESC) FROM titles t) AS titles`,
      ];
      if (prefixParam !== null) {
        ctes.push(lexiconCte(prefixParam));
        columns.push(`ARRAY(
          SELECT l.word FROM lexicon l
          WHERE l.generation = ${ACTIVE_GENERATION} AND l.doc_count > 0
          ORDER BY l.doc_count DESC, l.word COLLATE "C"
          LIMIT ${params.add(wordLimit)}
        ) AS words`);
      }
      const { rows } = await db.query(
        `WITH ${ctes.join(',\n')}\nSELECT ${columns.join(',\n')}`,
        params.values,
      );
      const row = rows[0] ?? {};
      const titles = (row.titles ?? []) as [string, string][];
      return {
        titles: titles.map(([slug, title]) => ({ slug, title })),
        words: ((row.words ?? []) as unknown[]).map(String),
      };
    },
  };
}
