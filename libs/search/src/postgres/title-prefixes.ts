/**
 * The narrow table behind "the newest posts whose titles hold a word starting with ...", the
 * question search as you type asks on every key press. The GIN index on title words finds the
 * titles matching a prefix, but a prefix of two letters matches a fifth of all titles, and each
 * had to be read from the posts' rows and sorted by date for the newest few (3 ms for 1,751
 * titles at 10,000 posts, and growing with the blog).
 *
 * `search_title_prefix` holds one row per post and title-word prefix of 2 to
 * `TITLE_PREFIX_LENGTH` letters, with the title's words that start with it, and a btree in
 * date order under each prefix: the newest N posts are the first N entries of a range, read in
 * order and stopped there, however many titles match. A longer prefix is looked up by its
 * first `TITLE_PREFIX_LENGTH` letters and checked against the row's words, still newest first.
 */

/** The longest prefix stored; longer ones are filtered from the rows of their first letters. */
export const TITLE_PREFIX_LENGTH = 4;
/** The shortest prefix a suggestion completes (`MIN_PREFIX_LENGTH`). */
const SHORTEST_PREFIX = 2;

export const CREATE_TITLE_PREFIX_TABLE = `
  CREATE TABLE IF NOT EXISTS search_title_prefix (
    generation int NOT NULL,
    prefix text COLLATE "C" NOT NULL,
    source_id int NOT NULL,
    published_at timestamptz,
    words text[] NOT NULL
  );
  CREATE INDEX IF NOT EXISTS search_title_prefix_newest_idx ON search_title_prefix
    (generation, prefix, published_at DESC NULLS LAST, source_id DESC);
  CREATE INDEX IF NOT EXISTS search_title_prefix_post_idx ON search_title_prefix (generation, source_id);`;

/**
 * The prefix rows of the posts in `source`, a relation with `generation`, `source_id`,
 * `published_at` and `title` (posts only). Title words as the title index splits them
 * (`to_tsvector('simple', ...)`: lower-cased, not stemmed).
 */
export function titlePrefixRowsSql(source: string): string {
  return `INSERT INTO search_title_prefix (generation, prefix, source_id, published_at, words)
    SELECT s.generation, left(w.word, n.length), s.source_id, s.published_at, array_agg(DISTINCT w.word)
    FROM ${source} s, unnest(tsvector_to_array(to_tsvector('simple', s.title))) AS w(word),
      generate_series(${SHORTEST_PREFIX}, ${TITLE_PREFIX_LENGTH}) AS n(length)
    WHERE length(w.word) >= n.length
    GROUP BY s.generation, s.source_id, s.published_at, left(w.word, n.length)`;
}

/**
 * The newest posts (source_id, published_at) whose titles hold a word starting with `$prefix`,
 * at most `$limit`, by one range scan of the btree in date order. A MATERIALIZED CTE on the
 * index condition alone (ADR 0008); the generation leads the index, so readers never meet the
 * rows of a reindex in progress.
 */
export function newestTitlesWithPrefixSql(
  generation: string,
  prefix: string,
  limit: string,
): string {
  return `newest AS MATERIALIZED (
      SELECT p.generation, p.source_id, p.published_at FROM search_title_prefix p
      WHERE p.generation = ${generation} AND p.prefix = left(${prefix}, ${TITLE_PREFIX_LENGTH})
        AND EXISTS (SELECT FROM unnest(p.words) AS w(word) WHERE starts_with(w.word, ${prefix}))
      ORDER BY p.published_at DESC NULLS LAST, p.source_id DESC
      LIMIT ${limit}
    )`;
}
