import { type SqlClient } from './sql-client.js';
import { CREATE_TITLE_PREFIX_TABLE, titlePrefixRowsSql } from './title-prefixes.js';

/**
 * The engine's own tables. The index is derived data, rebuilt from posts and comments by
 * `reindex`, so it lives outside the Prisma migrations, like an Elasticsearch index would.
 * Rows carry a generation: a reindex writes the next generation, then flips
 * `search_state.generation` in one statement, so readers never see a half-built index.
 *
 * `SCHEMA_VERSION` is bumped whenever the layout changes; `setup()` upgrades an older index in
 * place from the title and body text its rows already hold, so no source data is needed.
 *   1: documents, lexicon, generations.
 *   2: `title_vec` (the title alone, small enough to stay inline, for the cheap first ranking
 *      stage) and a GIN index on each document's adjacent-word pairs (`search_bigrams`), so a
 *      phrase only rechecks the documents that contain its pairs.
 *   3: prefix indexes for search as you type: a GIN index on each post title's unstemmed words
 *      and a byte-order btree on the lexicon's words (analyzed once when they appear).
 *   4: `search_title_prefix`, the newest posts under each title-word prefix of 2 to 4 letters
 *      in date order (`title-prefixes.ts`), filled from the live generation's titles.
 *   5: a GIN index on `title_vec`, so ranking finds the title matches without testing every
 *      match's title (ADR 0039).
 *   6: the pair index holds a 64-bit hash of each pair (`search_phrase_pairs`, bigint[]) in
 *      place of its text (`search_bigrams`), `body` and `vec` are compressed with lz4 where
 *      the server has it, and the word-index scan returns each match's date with its address
 *      (`search_vector_match_rows`) (ADR 0041).
 *   7: `search_state.lexicon_words`, moved on by a trigger whenever the lexicon gains words, so
 *      a process can keep the words in memory for spelling lookups (ADR 0042); and the pair
 *      hashes are a stored column (`pairs`, computed by `phrasePairHashes` as rows are
 *      written, sorted and distinct) indexed as it is, in place of an index expression the
 *      database computed for every row, and phrases are matched through
 *      `search_pair_match_rows` (ADR 0044).
 *   8: `search_vector_match_rows` stops after `max_rows` matches in scope, for the searches
 *      that need their count alone (ADR 0047).
 */
export const SCHEMA_VERSION = 8;

/** The document table's key, the primary key of each table of its layout. */
export const DOCUMENT_KEY = '(generation, kind, source_id)';

/** The generation readers and incremental writes use, as a scalar subquery. */
export const ACTIVE_GENERATION = '(SELECT generation FROM search_state WHERE id = 1)';

/** Title words weigh A; a comment's title (its post's) is not searchable. */
export const TITLE_VECTOR_SQL = (kind: string, title: string): string =>
  `CASE WHEN ${kind} = 'post' THEN setweight(to_tsvector('english', ${title}), 'A') ELSE ''::tsvector END`;

/**
 * A post title's words, lower-cased but not stemmed, so that a typed prefix meets the words as
 * written (`replicat` is not a prefix of the stem `replic`); comments (whose title is their
 * post's) have none. The suggest query repeats this expression to use its index.
 */
export const TITLE_WORDS_SQL = (kind: string, title: string): string =>
  `to_tsvector('simple', CASE WHEN ${kind} = 'post' THEN ${title} ELSE '' END)`;

/**
 * The pairs as version 6 computed them, in SQL, for the pair index's expression: kept only to
 * fill the stored `pairs` of an older index on upgrade, then dropped. `phrasePairHashes`
 * computes the same hashes (sorted and distinct, as stored since version 7).
 */
const VERSION_6_PHRASE_PAIRS_FUNCTION = `CREATE OR REPLACE FUNCTION search_phrase_pairs(vec tsvector) RETURNS bigint[]
  LANGUAGE plpgsql IMMUTABLE STRICT AS $fn$
  BEGIN
    RETURN (SELECT coalesce(array_agg(DISTINCT hashtextextended(a.lexeme || ' ' || b.lexeme, 0)), '{}')
      FROM (SELECT u.lexeme, p FROM unnest(vec) AS u, unnest(u.positions) AS p) a
      JOIN (SELECT u.lexeme, p FROM unnest(vec) AS u, unnest(u.positions) AS p) b ON b.p = a.p + 1);
  END
  $fn$`;

/**
 * The documents in scope (a generation, a kind, a category when given) whose vector matches
 * `q`, found through the word index whatever the planner thinks: the scan runs with
 * `enable_seqscan = off`, which the function's SET clause applies to its own statement alone.
 * The planner prices a GIN scan for a prefix (`'replic':*`) far above a sequential scan of the
 * small main table, since it does not count the TOASTed vector each row must read to test @@
 * (at 10,000 posts: 1.3 s by the scan, 4 ms by the index). `phrase`, when given, is then
 * checked on the documents found (positions, which no index holds).
 *
 * What the first ranking stage needs of each match (address, id, date) is read by the index
 * scan itself, which visits each row anyway, and comes back as three arrays in one row (rows
 * returned one by one were copied through the function's result, 5 ms for 7,000). It used to
 * return the addresses alone, each read again by a TID scan to get its date and scope: the
 * larger part of a common word's candidate selection (ADR 0041). The scope is checked above an
 * `OFFSET 0` fence, so the planner sees the index condition alone and has no other index
 * (the primary key, by generation and kind) to prefer for the scan.
 *
 * `max_rows` (NULL: all) stops the scan after so many matches in scope: when title matches
 * alone fill the first ranking stage, the other matches are only counted, up to the cap, and a
 * common word's remaining thousands of rows are not read (ADR 0047).
 */
const VECTOR_MATCHES_FUNCTION = `CREATE OR REPLACE FUNCTION search_vector_match_rows(q tsquery, phrase tsquery,
    in_generation int, in_kind text, in_category text, max_rows bigint,
    OUT row_ids tid[], OUT source_ids int[], OUT published_ats timestamptz[])
  LANGUAGE sql STABLE PARALLEL RESTRICTED SET enable_seqscan = off AS $fn$
    SELECT coalesce(array_agg(m.row_id), '{}'), coalesce(array_agg(m.source_id), '{}'),
      coalesce(array_agg(m.published_at), '{}')
    FROM (SELECT m.row_id, m.source_id, m.published_at
      FROM (SELECT d.ctid AS row_id, d.generation, d.kind, d.category_slugs, d.source_id, d.published_at
        FROM search_document d
        WHERE d.vec @@ q AND (phrase IS NULL OR ts_match_vq(d.vec, phrase))
        OFFSET 0) m
      WHERE m.generation = in_generation AND m.kind = in_kind
        AND (in_category IS NULL OR m.category_slugs @> ARRAY[in_category])
      LIMIT max_rows) m
  $fn$`;

/**
 * The documents holding every pair of `in_pairs`, found through the pair index whatever the
 * planner thinks (`enable_seqscan = off` for its own statement, as above): a pair index with a
 * long pending list (during a reindex) is priced above a table scan, and a table scan reads
 * every row's pairs (~8 KB, TOASTed), a cost the planner does not count. `phrase`, when given,
 * is then checked on the documents found (positions, which no index holds). Returns what the
 * first ranking stage needs and what decides the scope, checked by the caller.
 */
const PAIR_MATCHES_FUNCTION = `CREATE OR REPLACE FUNCTION search_pair_match_rows(in_pairs bigint[], phrase tsquery,
    OUT row_id tid, OUT source_id int, OUT published_at timestamptz, OUT generation int,
    OUT kind text, OUT category_slugs text[])
  RETURNS SETOF record LANGUAGE sql STABLE PARALLEL RESTRICTED SET enable_seqscan = off AS $fn$
    SELECT d.ctid, d.source_id, d.published_at, d.generation, d.kind, d.category_slugs
    FROM search_document d
    WHERE d.pairs @> in_pairs AND (phrase IS NULL OR ts_match_vq(d.vec, phrase))
  $fn$`;

/**
 * The part of a long body that ts_headline reads. ts_headline parses and stems the whole text
 * (~1 ms for 1,000 words, tens of ms with phrases), and its cost grows faster than the text: a
 * body over 1,000 characters is cut to ~800 characters (~120 words for a snippet of 30; 0.15 ms
 * where 2,000 characters took 0.6-1.2 ms), whole words, around the first place where a query lexeme appears as a
 * substring (a stem is usually the start of the words it comes from). The caller falls back to
 * the whole body when the window holds no match (`policy` stems to `polici`, `lock` is in
 * `block`).
 *
 * PL/pgSQL, so the body is decompressed and lower-cased once: as a SQL expression each mention
 * of `body` read it from TOAST again, once per lexeme (0.47 ms a snippet, now ~0.1 ms).
 */
const SNIPPET_SOURCE_FUNCTION = `CREATE OR REPLACE FUNCTION search_snippet_source(body text, lexemes text[])
  RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
  DECLARE
    -- A concatenation, so the variable holds the text itself, not a compressed TOAST value.
    whole text := body || '';
    lowered text;
    first int;
  BEGIN
    IF length(whole) <= 1000 THEN RETURN whole; END IF;
    lowered := lower(whole);
    SELECT min(nullif(strpos(lowered, lexeme), 0)) INTO first FROM unnest(lexemes) AS lexeme;
    RETURN substring(substr(whole, greatest(1, coalesce(first, 1) - 250), 800)
      FROM '^\\S*\\s(.*)\\s\\S*$');
  END
  $fn$`;

/**
 * `search_state.lexicon_words` counts the changes to the lexicon's set of words: a statement
 * that adds words to `search_term` (a new word written, a reindex) moves it on, in its own
 * transaction, so a reader that sees the count also sees those words. A process may keep the
 * words in memory, keyed by generation and this count (`lexicon-words.ts`). Only inserted rows
 * move it: a post saved with words the lexicon knows changes their counts alone (the upsert's
 * update path), and a word whose count falls to 0 stays listed. A statement-level trigger with
 * the inserted rows as a transition table: one update of the state row a statement, not a row.
 */
const LEXICON_WORDS_COUNTER = `
  ALTER TABLE search_state ADD COLUMN IF NOT EXISTS lexicon_words bigint NOT NULL DEFAULT 0;
  CREATE OR REPLACE FUNCTION search_lexicon_words_added() RETURNS trigger
    LANGUAGE plpgsql AS $fn$
    BEGIN
      IF EXISTS (SELECT FROM added_terms) THEN
        UPDATE search_state SET lexicon_words = lexicon_words + 1 WHERE id = 1;
      END IF;
      RETURN NULL;
    END
    $fn$;
  CREATE OR REPLACE TRIGGER search_term_words_added AFTER INSERT ON search_term
    REFERENCING NEW TABLE AS added_terms FOR EACH STATEMENT
    EXECUTE FUNCTION search_lexicon_words_added();`;

const CREATE_TABLES = `
  CREATE TABLE IF NOT EXISTS search_state (
    id int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    generation int NOT NULL
  );
  -- An index created before versions existed is version 1.
  ALTER TABLE search_state ADD COLUMN IF NOT EXISTS schema_version int NOT NULL DEFAULT 1;
  INSERT INTO search_state (id, generation, schema_version) VALUES (1, 1, ${SCHEMA_VERSION})
    ON CONFLICT (id) DO NOTHING;
  CREATE TABLE IF NOT EXISTS search_document (
    generation int NOT NULL,
    kind text NOT NULL CHECK (kind IN ('post', 'comment')),
    source_id int NOT NULL,
    post_id int NOT NULL,
    slug text NOT NULL,
    title text NOT NULL,
    body text NOT NULL,
    categories jsonb NOT NULL DEFAULT '[]',
    category_slugs text[] NOT NULL DEFAULT '{}',
    published_at timestamptz,
    words text[] NOT NULL,
    vec tsvector NOT NULL,
    title_vec tsvector NOT NULL DEFAULT '',
    pairs bigint[] NOT NULL DEFAULT '{}',
    PRIMARY KEY ${DOCUMENT_KEY}
  );
  CREATE TABLE IF NOT EXISTS search_term (
    generation int NOT NULL,
    word text NOT NULL,
    doc_count int NOT NULL,
    PRIMARY KEY (generation, word)
  );
  CREATE INDEX IF NOT EXISTS search_term_word_trgm_idx ON search_term USING gin (word gin_trgm_ops);
  CREATE INDEX IF NOT EXISTS search_term_word_prefix_idx ON search_term (word COLLATE "C");
  ${CREATE_TITLE_PREFIX_TABLE}`;

/** From version 1: derive the new columns from the stored text, then index the pairs. */
const UPGRADE_TO_2 = `
  ALTER TABLE search_document ADD COLUMN IF NOT EXISTS title_vec tsvector NOT NULL DEFAULT '';
  UPDATE search_document SET title_vec = ${TITLE_VECTOR_SQL('kind', 'title')};`;

/**
 * From version 5: the pair index of text pairs goes, with its function; the hashed one is
 * built from the stored vectors below (~1 s for 1,000 long posts). The word-index scan that
 * returned addresses alone gives way to `search_vector_match_rows`.
 */
const UPGRADE_TO_6 = `
  DROP INDEX IF EXISTS search_document_bigram_idx;
  DROP FUNCTION IF EXISTS search_bigrams(tsvector);
  DROP FUNCTION IF EXISTS search_vector_matches(tsquery, tsquery);`;

/**
 * From version 6: the pairs of the stored vectors, computed once more in SQL (~2 ms a long
 * post on PGlite), before the pair index is built again over the column. The expression index
 * goes first, so the update does not maintain it.
 */
const UPGRADE_TO_7 = `
  DROP INDEX IF EXISTS search_document_pair_idx;
  ALTER TABLE search_document ADD COLUMN IF NOT EXISTS pairs bigint[] NOT NULL DEFAULT '{}';
  ${VERSION_6_PHRASE_PAIRS_FUNCTION};
  UPDATE search_document SET pairs = search_phrase_pairs(vec);
  DROP FUNCTION search_phrase_pairs(tsvector);`;

/** From version 7: the word-index scan takes a row limit, a new signature. */
const UPGRADE_TO_8 = `
  DROP FUNCTION IF EXISTS search_vector_match_rows(tsquery, tsquery, int, text, text);`;

/**
 * lz4 compresses the long columns faster than pglz and reads them back faster (ranking reads
 * the shortlist's vectors, snippets their bodies), for ~10% more space. Rows already stored
 * keep their compression until the next reindex. Builds without lz4 (PGlite) keep pglz.
 */
const LZ4_COMPRESSION = `
  IF EXISTS (SELECT FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals))
    AND EXISTS (SELECT FROM pg_attribute WHERE attrelid = 'search_document'::regclass
      AND attname IN ('body', 'vec') AND attcompression <> 'l') THEN
    ALTER TABLE search_document ALTER COLUMN body SET COMPRESSION lz4,
      ALTER COLUMN vec SET COMPRESSION lz4;
  END IF;`;

/** From version 3: the title prefixes of the live generation's posts. */
const UPGRADE_TO_4 = `${titlePrefixRowsSql(
  `(SELECT generation, source_id, published_at, title FROM search_document
    WHERE kind = 'post' AND generation = ${ACTIVE_GENERATION})`,
)};`;

/**
 * GIN buffers new entries in an unsorted pending list that every search scans in full, and the
 * planner prices a scan of a long list above a table scan. Writes between reindexes flush it at
 * 256 kB (a few posts) instead of the 4 MB default. A reindex builds its indexes after loading
 * its rows, with empty pending lists.
 */
export const PENDING_LIST_LIMIT_KB = 256;

/**
 * The document table's other indexes, by the suffix of their names (`<table>_<suffix>`), so a
 * table of the same layout gets the same ones (a reindex builds them on its own table after
 * loading it, `shadow-table.ts`). The GIN indexes flush their pending lists at
 * `PENDING_LIST_LIMIT_KB`. Title matches are found through their own index (ADR 0039).
 */
export const DOCUMENT_INDEXES: Record<string, string> = {
  vec_idx: 'USING gin (vec)',
  post_idx: '(generation, post_id)',
  title_words_idx: `USING gin (${TITLE_WORDS_SQL('kind', 'title')})`,
  pair_idx: 'USING gin (pairs)',
  title_vec_idx: 'USING gin (title_vec)',
};

/** The indexes of `DOCUMENT_INDEXES` missing on `table`, and their pending-list limits. */
export function documentIndexesSql(table: string): string {
  return Object.entries(DOCUMENT_INDEXES)
    .map(([suffix, definition]) => {
      const index = `${table}_${suffix}`;
      const create = `CREATE INDEX IF NOT EXISTS ${index} ON ${table} ${definition};`;
      return definition.startsWith('USING gin')
        ? `${create} ALTER INDEX ${index} SET (gin_pending_list_limit = ${PENDING_LIST_LIMIT_KB});`
        : create;
    })
    .join('\n  ');
}

/**
 * Column settings of the document table that `CREATE TABLE ... (LIKE ...)` does not copy.
 * No statistics on `vec`: a common word then looks rare (0.5% by default), so the planner
 * always matches through the GIN index. Given the true 98%, it scans the table and must read
 * every TOASTed vector to test @@, a cost it does not model (70 ms at 10,000 posts). Without
 * statistics on `title_vec` a title match always looks rare, so the planner takes its index
 * rather than testing every title (ADR 0039). The pairs carry none either: ANALYZE would count
 * the ~1,000 elements of every sampled row (30,000 rows sampled), at every reindex and every
 * maintenance pass, and a phrase is matched through its index anyway. Hashes do not compress:
 * the pairs are stored as they are, out of line, without a compression attempt on every write.
 */
export function documentColumnSettingsSql(table: string): string {
  return `ALTER TABLE ${table} ALTER COLUMN vec SET STATISTICS 0,
    ALTER COLUMN title_vec SET STATISTICS 0, ALTER COLUMN pairs SET STATISTICS 0,
    ALTER COLUMN pairs SET STORAGE EXTERNAL;`;
}

/** The engine's tables, in the order their statistics are refreshed. */
export const SEARCH_TABLES = [
  'search_state',
  'search_document',
  'search_term',
  'search_title_prefix',
];

/** `steps`, run by `setup()` on an index whose schema is older than `version`. */
const upgradeTo = (version: number, steps: string): string =>
  `IF (SELECT schema_version FROM search_state WHERE id = 1) < ${version} THEN
    ${steps}
  END IF;`;

/**
 * One DO block: it runs as a single transaction, so a Pool can send it, and the advisory lock
 * makes concurrent starts of several app processes wait for the first one's upgrade.
 * Tables never analyzed (just created, or filled on PGlite, which has no autovacuum) and
 * upgraded ones get statistics: ANALYZE, since VACUUM cannot run inside a transaction.
 */
const SETUP = `DO $setup$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('inkwell search schema'));
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  ${CREATE_TABLES}
  ${LEXICON_WORDS_COUNTER}
  ${upgradeTo(2, UPGRADE_TO_2)}
  ${upgradeTo(6, UPGRADE_TO_6)}
  ${upgradeTo(7, UPGRADE_TO_7)}
  ${upgradeTo(8, UPGRADE_TO_8)}
  ${LZ4_COMPRESSION}
  ${SNIPPET_SOURCE_FUNCTION};
  ${VECTOR_MATCHES_FUNCTION};
  ${PAIR_MATCHES_FUNCTION};
  ${documentColumnSettingsSql('search_document')}
  ${documentIndexesSql('search_document')}
  ${upgradeTo(4, UPGRADE_TO_4)}
  IF (SELECT schema_version FROM search_state WHERE id = 1) < ${SCHEMA_VERSION}
    OR (SELECT reltuples FROM pg_class WHERE oid = 'search_document'::regclass) < 0 THEN
    UPDATE search_state SET schema_version = ${SCHEMA_VERSION} WHERE id = 1;
    ${SEARCH_TABLES.map((table) => `ANALYZE ${table};`).join(' ')}
  END IF;
END
$setup$`;

export async function createSearchSchema(db: SqlClient): Promise<void> {
  await db.query(SETUP);
}

/**
 * Fresh planner statistics, dead rows (a dropped generation) removed and GIN pending lists
 * merged. Each VACUUM is a statement of its own: it cannot run inside a transaction.
 */
export async function vacuumAnalyzeSearchTables(db: SqlClient): Promise<void> {
  for (const table of SEARCH_TABLES) await db.query(`VACUUM (ANALYZE) ${table}`);
}
