import { type PlannedCandidate, textBeforeLastWord } from '../query/candidates.js';
import { type MatchPlan } from '../query/run-search.js';
import { MATCH_END, MATCH_START } from '../text/snippet.js';
import { tokenizeWords } from '../text/tokenize.js';
import { ACTIVE_GENERATION } from './schema.js';
import { prefixTsquery } from './prefix-lookups.js';
import { type SqlParams } from './sql-params.js';

/** ts_rank weights {D, C, B, A}: a title (A) match counts twice a body (B) match. */
const RANK_WEIGHTS = `'{0, 0, 0.5, 1}'`;

export const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=" ... "`;

/**
 * A phrase's adjacent lexeme pairs, as the pair index holds them (hashes, see
 * `phrasePairHashes`, as decimal text), and whether they alone decide a match.
 */
export interface PhrasePairs {
  pairs: string[];
  /** Two lexemes side by side ('a' <-> 'b'): holding the pair 'a b' is matching the phrase. */
  exact: boolean;
}

export interface CandidateQuery {
  /** Index of the candidate in the plan, reported back as `matched`. */
  index: number;
  weight: number;
  /** A tsquery SQL expression over parameters. */
  tsquery: string;
  /** The words it searches, for finding where a snippet starts. */
  text: string;
  /** For a phrase with pairs: the parameter holding them, and whether they are exact. */
  pairs: { param: string; exact: boolean } | null;
  /** A tsquery the word index answers exactly, narrowing the documents `tsquery` is checked on. */
  narrow: string | null;
}

/**
 * One tsquery per candidate: the whole text as a phrase, or its non-stop words OR-ed. Text
 * always reaches PostgreSQL as a parameter of phraseto_tsquery/plainto_tsquery, which never
 * parse operators, so no input can cause a syntax error. Candidates without a searchable word
 * (only punctuation or emoji) are left out rather than sent as empty queries.
 * `phrasePairs[i]` are candidate i's pairs when the plan matches phrases.
 */
export function candidateQueries(
  plan: MatchPlan,
  phrasePairs: readonly PhrasePairs[],
  params: SqlParams,
): CandidateQuery[] {
  // Corrections often stem alike (`registry`, `registrys`): one parameter, hence one scan, each.
  const pairParams = new Map<string, string>();
  const pairsParam = (pairs: string[]): string => {
    const key = JSON.stringify(pairs);
    const param = pairParams.get(key) ?? params.add(pairs);
    pairParams.set(key, param);
    return param;
  };
  return plan.candidates.flatMap((candidate, index) => {
    const { text, weight, prefix } = candidate;
    if (prefix !== null)
      return [prefixCandidateQuery(plan, { ...candidate, prefix }, index, params)];
    if (plan.strategy === 'phrase') {
      if (tokenizeWords(text).length === 0) return [];
      const tsquery = `phraseto_tsquery('english', ${params.add(text)})`;
      const found = phrasePairs[index];
      const pairs =
        found === undefined || found.pairs.length === 0
          ? null
          : { param: pairsParam(found.pairs), exact: found.exact };
      return [{ index, weight, tsquery, text, pairs, narrow: null }];
    }
    if (candidate.words.length === 0) return [];
    const anyWord = candidate.words
      .map((word) => `plainto_tsquery('english', ${params.add(word)})`)
      .join(' || ');
    return [
      {
        index,
        weight,
        tsquery: `(${anyWord})`,
        text: candidate.words.join(' '),
        pairs: null,
        narrow: null,
      },
    ];
  });
}

/**
 * The typed text with its last word as a prefix, through the word index (which serves `:*`
 * without a recheck). The prefix is matched stemmed (`postgres` as `postgr`) and as typed
 * (`abortcontr`). With other words before it, a phrase keeps them side by side
 * (`streaming repl` is `'stream' <-> 'repl':*`): the index finds the documents holding every
 * word, `narrow`, and positions are rechecked on those; any-word matching ORs them all.
 */
function prefixCandidateQuery(
  plan: MatchPlan,
  candidate: PlannedCandidate & { prefix: string },
  index: number,
  params: SqlParams,
): CandidateQuery {
  const prefix = params.add(prefixTsquery([candidate.prefix]));
  const prefixQuery = `(to_tsquery('english', ${prefix}) || to_tsquery('simple', ${prefix}))`;
  const others = candidate.words.slice(0, -1);
  const query = { index, weight: candidate.weight, text: candidate.words.join(' '), pairs: null };
  if (others.length === 0) return { ...query, tsquery: prefixQuery, narrow: null };
  if (plan.strategy === 'any-word') {
    const anyWord = others.map((word) => `plainto_tsquery('english', ${params.add(word)})`);
    return { ...query, tsquery: `(${anyWord.join(' || ')} || ${prefixQuery})`, narrow: null };
  }
  const head = params.add(textBeforeLastWord(candidate.text));
  return {
    ...query,
    tsquery: `tsquery_phrase(phraseto_tsquery('english', ${head}), ${prefixQuery})`,
    narrow: `(plainto_tsquery('english', ${head}) && ${prefixQuery})`,
  };
}

/** Which documents a search covers: SQL expressions for its generation, kind and category. */
interface Scope {
  generation: string;
  kind: string;
  category: string | null;
}

const inScope = (row: string, scope: Scope): string =>
  `${row}.generation = ${scope.generation} AND ${row}.kind = ${scope.kind}` +
  (scope.category === null ? '' : ` AND ${row}.category_slugs @> ARRAY[${scope.category}]::text[]`);

/**
 * The columns the first ranking stage reads, of the documents holding every pair of a phrase
 * (`search_pair_match_rows`): whether they are in scope is a column, checked on what the scan
 * found, so the index condition stays alone.
 */
const pairMatchRows = (pairs: string, phrase: string, scope: Scope): string =>
  `SELECT p.row_id, p.source_id, p.published_at, ${inScope('p', scope)} AS in_scope
      FROM search_pair_match_rows(${pairs}::bigint[], ${phrase}) p`;

/**
 * The same columns from `search_vector_match_rows`, which keeps the documents in scope only.
 * The arrays are unnested in the select list, row by row as they are read (the arrays are of
 * one length, so the three advance together): `unnest` in FROM would first copy every match
 * into a tuplestore, where a common word's count reads 1,001 of them and no more is needed
 * once title matches fill the first stage.
 */
const vectorMatchRows = (q: string, phrase: string, scope: Scope, maxRows: string): string =>
  `SELECT unnest(m.row_ids) AS row_id, unnest(m.source_ids) AS source_id,
        unnest(m.published_ats) AS published_at, true AS in_scope
      FROM search_vector_match_rows(${q}, ${phrase}, ${scope.generation}, ${scope.kind}, ${scope.category ?? 'NULL'}, ${maxRows}) m`;

/**
 * The scans that find the documents matching any candidate, one index scan each: the
 * candidates without pairs as one tsquery (one GIN scan by `search_vector_match_rows`; plain
 * words need no recheck, so no body vector is read), each phrase through the pair index. A
 * two-word phrase is decided by its pair alone; a longer one rechecks positions on the few
 * documents holding all its pairs, through `ts_match_vq` (the function behind @@, which no
 * index serves: given @@, the planner takes a phrase for rare, scans the vector index for its
 * words and computes thousands of rows' pairs).
 * A phrase ending in a prefix has no pairs to look up: the word index finds the documents
 * holding all its words (`narrow`), and positions are rechecked on those.
 * A word-index scan stops after `maxRows` matches in scope (an SQL expression; NULL: all).
 */
function matchBranches(
  queries: readonly CandidateQuery[],
  scope: Scope,
  maxRows: string,
): string[] {
  const plain = queries
    .filter((query) => query.pairs === null && query.narrow === null)
    .map((query) => query.tsquery);
  const branches = queries.flatMap(({ pairs, narrow, tsquery }) => {
    if (narrow !== null) return [vectorMatchRows(narrow, tsquery, scope, maxRows)];
    if (pairs === null) return [];
    return [pairMatchRows(pairs.param, pairs.exact ? 'NULL' : tsquery, scope)];
  });
  if (plain.length > 0)
    branches.unshift(vectorMatchRows(`(${plain.join(' || ')})`, 'NULL', scope, maxRows));
  return [...new Set(branches)];
}

/**
 * Each phrase's vector, by PostgreSQL's own parser and stemmer, for `phrasePairHashes`;
 * `numnode` 3 is 'a' <-> 'b'.
 */
export const PHRASE_VECTORS_SQL = `SELECT to_tsvector('english', t)::text AS vec, numnode(phraseto_tsquery('english', t)) = 3 AS two_lexemes
  FROM unnest($1::text[]) WITH ORDINALITY AS x(t, i)
  ORDER BY i`;

export interface MatchSqlOptions {
  kind: 'post' | 'comment';
  category: string | null;
  offset: number;
  limit: number;
}

/**
 * How many matches the exact ranking sees. Ranking reads each match's whole body vector
 * (~5 KB, TOASTed), which is what made common words slow; the first stage orders matches by
 * what is cheap to read instead: title matches (the small inline `title_vec`), weighted like
 * the candidates, then recency.
 */
export const SHORTLIST_SIZE = 200;

/**
 * Whether the title matches scoring above 0 alone fill a first ranking stage of `size` (an SQL
 * expression): then no other match can enter it, and the others are only counted.
 */
const titlesFill = (size: string): string =>
  `(SELECT count(*) FROM (SELECT FROM titled WHERE title_score > 0 LIMIT ${size}) t) >= ${size}`;

/**
 * The matching documents, as CTEs named `titled` (row_id, source_id, published_at and
 * `title_score`, for the matches whose title matches a candidate) and `matches` (the same
 * without the score). When the title matches fill the first stage of `firstStageSize`, the
 * word-index scans stop at `countCap` matches each: all the statement still needs of them is
 * their count, up to the cap (a common word's thousands of other rows are not read).
 *
 * No plan may be quadratic in posts, whatever statistics the planner has (PGlite never
 * analyzes by itself). So each branch is one scan of `search_document` by its index condition
 * alone, inside a MATERIALIZED CTE: computed once, never rescanned per row of a join, and with
 * no generation or kind condition beside it for the planner to prefer the primary key and
 * compute every row's pairs as a filter. Scope and category are checked on what the branches
 * found (a column of their rows, or inside `search_vector_match_rows`); the columns ranking
 * needs come along, so no join goes back to the table.
 *
 * Titles are scored only where they match, found through the title index, rather than one
 * test per candidate on every match's title. A title match is a match (the document's vector
 * is its title's followed by its body's), so `titled` needs no check against `matches`.
 */
function matchesCtes(
  queries: readonly CandidateQuery[],
  options: MatchSqlOptions,
  params: SqlParams,
  stage: { weights: readonly string[]; firstStageSize: string; countCap: string },
): string {
  const scope: Scope = {
    generation: '(SELECT generation FROM active)',
    kind: params.add(options.kind),
    category: options.category === null ? null : params.add(options.category),
  };
  const branches = matchBranches(
    queries,
    scope,
    `CASE WHEN ${titlesFill(stage.firstStageSize)} THEN ${stage.countCap}::bigint END`,
  );
  const scans = branches.join('\n      UNION ALL ');
  const titleScore = queries
    .map(
      (query, i) =>
        `CASE WHEN t.title_vec @@ ${query.tsquery} THEN ${stage.weights[i]}::float8 ELSE 0 END`,
    )
    .join(' + ');
  const anyQuery = queries.map((query) => query.tsquery).join(' || ');
  // A document found by several branches is one match. Found by one, the matches are the
  // found rows in scope, read from `found` where they are used rather than copied once more.
  const distinct = branches.length > 1;
  // The live generation is read first: PostgreSQL locks a statement's tables in the order it
  // meets them, and setup() locks search_state before search_document. A statement that read
  // the documents first would deadlock with a setup() running beside it (an API starting while
  // another serves searches), each holding the table the other waits for.
  return `active AS MATERIALIZED (SELECT ${ACTIVE_GENERATION} AS generation), titled AS MATERIALIZED (
      SELECT t.ctid AS row_id, t.source_id, t.published_at, ${titleScore} AS title_score
      FROM search_document t
      WHERE t.title_vec @@ (${anyQuery}) AND ${inScope('t', scope)}
    ), found AS MATERIALIZED (
      ${scans}
    ), matches AS ${distinct ? '' : 'NOT '}MATERIALIZED (
      SELECT ${distinct ? 'DISTINCT ON (f.source_id)' : ''} f.row_id, f.source_id, f.published_at
      FROM found f
      WHERE f.in_scope
      ${distinct ? 'ORDER BY f.source_id' : ''}
    )`;
}

/**
 * Two stages, like a search engine's rescore window. First the matches are ordered by what is
 * cheap to read: the weights of the candidates its title matches (only the title matches, from
 * the title index), then recency. Then the first `shortlist` of that order are ranked exactly by
 * the weighted sum of each candidate's ts_rank (title A twice body B), which reads their long
 * body vectors; matches after the shortlist keep the first-stage order, so deep pages stay
 * consistent with each other. Snippets are built for the page only. With no more matches than
 * the shortlist holds, the order is exactly that of ranking every match. Matches are counted up
 * to `countUpTo` + 1, so the caller tells "exactly the cap" from "more".
 *
 * Every join after `matches` has at most `shortlist` rows on one side. The statement always
 * returns one row at least: a page past the last match is a row with the total and no document.
 */
export function matchSql(
  queries: readonly CandidateQuery[],
  options: MatchSqlOptions & { shortlist: number; countUpTo: number },
  params: SqlParams,
): string {
  const weights = queries.map((query) => params.add(query.weight));
  const score = queries
    .map((query, i) => `${weights[i]}::float8 * ts_rank(${RANK_WEIGHTS}, d.vec, ${query.tsquery})`)
    .join(' + ');
  const anyQuery = queries.map((query) => query.tsquery).join(' || ');
  const matched = queries
    .map((query) => `CASE WHEN d.vec @@ ${query.tsquery} THEN ${query.index} END`)
    .join(', ');
  const firstStageSize = params.add(Math.max(options.shortlist, options.offset + options.limit));
  const countCap = params.add(options.countUpTo + 1);
  const matches = matchesCtes(queries, options, params, { weights, firstStageSize, countCap });
  const headlineOptions = params.add(HEADLINE_OPTIONS);
  const mark = params.add(MATCH_START);
  const lexemes = `tsvector_to_array(to_tsvector('english', ${params.add(queries.map((query) => query.text).join(' '))}))`;
  // When the window holds no match of the candidates (a phrase elsewhere), any of the query's
  // words will do, in the window first: the whole body is read only when that fails too (a
  // phrase query over 1,000 words cost ~100 ms a snippet, any word over them 1-3 ms).
  const anyLexeme = `to_tsquery('simple', array_to_string(ARRAY(SELECT quote_literal(l) FROM unnest(${lexemes}) AS l), ' | '))`;
  // Where the snippet's window starts: a stem is the start of the words it comes from, but for
  // a final y turned into i (`query` is `queri`), so it is looked for without that i. Missed,
  // the window would hold no match and ts_headline would read the whole body (~5 ms a post).
  const snippetNeedles = `ARRAY(SELECT regexp_replace(l, '^(..+)i$', '\\1') FROM unnest(${lexemes}) AS l)`;
  const shortlist = params.add(options.shortlist);
  // A shortlisted row is read again by its address (a TID scan): one page read each, which no
  // estimate makes the planner trade for a scan, and a join would read the whole table to hash it.
  const sameDocument = 'd.ctid = s.row_id';
  const byDate = 's.published_at DESC NULLS LAST, s.source_id DESC';
  const firstStageOrder = `s.title_score DESC, ${byDate}`;
  const finalOrder = `s.stage > ${shortlist}, s.score DESC NULLS LAST, s.stage`;
  // Title matches first, then the newest of the others: the order of scoring every title. When
  // the title matches scoring above 0 fill the first stage, no other match can enter it: the
  // condition is a one-time filter, so the others are then neither read nor sorted, and the
  // word-index scans read no more of them than the count needs.
  const othersNeeded = `NOT ${titlesFill(firstStageSize)}`;
  return `WITH ${matches}, first_stage AS (
      SELECT s.* FROM (
        (SELECT s.row_id, s.source_id, s.published_at, s.title_score FROM titled s
          ORDER BY ${firstStageOrder} LIMIT ${firstStageSize})
        UNION ALL
        (SELECT s.row_id, s.source_id, s.published_at, 0::float8 FROM matches s
          WHERE ${othersNeeded} AND s.source_id NOT IN (SELECT source_id FROM titled)
          ORDER BY ${byDate} LIMIT ${firstStageSize})
      ) s
      ORDER BY ${firstStageOrder}
      LIMIT ${firstStageSize}
    ), staged AS (
      SELECT s.row_id, row_number() OVER (ORDER BY ${firstStageOrder}) AS stage
      FROM first_stage s
    ), ranked AS (
      SELECT s.row_id, s.stage,
        CASE WHEN s.stage <= ${shortlist} THEN (SELECT ${score} FROM search_document d WHERE ${sameDocument}) END AS score
      FROM staged s
      ORDER BY s.stage > ${shortlist}, score DESC NULLS LAST, s.stage
      LIMIT ${params.add(options.limit)} OFFSET ${params.add(options.offset)}
    ), page AS (
      SELECT s.stage, coalesce(s.score, 0) AS score, d.source_id AS id, d.post_id, d.slug, d.title,
        d.published_at, d.categories,
        CASE WHEN strpos(w.snippet, ${mark}) > 0 THEN w.snippet
          ELSE coalesce(
            (SELECT h FROM ts_headline('english', sw.text, ${anyLexeme}, ${headlineOptions}) AS h
              WHERE strpos(h, ${mark}) > 0),
            ts_headline('english', d.body, ${anyLexeme}, ${headlineOptions})) END AS snippet,
        array_to_json(array_remove(ARRAY[${matched}]::int[], NULL)) AS matched
      FROM ranked s CROSS JOIN LATERAL (SELECT * FROM search_document d WHERE ${sameDocument}) d
      CROSS JOIN LATERAL (SELECT search_snippet_source(d.body, ${snippetNeedles}) AS text OFFSET 0) sw
      CROSS JOIN LATERAL (SELECT ts_headline('english', sw.text, (${anyQuery}), ${headlineOptions})
        AS snippet OFFSET 0) w
    )
    SELECT t.total, s.score, s.id, s.post_id, s.slug, s.title, s.published_at, s.categories,
      s.snippet, s.matched
    FROM (SELECT count(*)::int AS total FROM (SELECT FROM matches LIMIT ${countCap}) m) t
    LEFT JOIN page s ON true
    ORDER BY ${finalOrder}`;
}
