import { type MatchPlan } from '../query/run-search.js';
import { MATCH_END, MATCH_START } from '../text/snippet.js';
import { tokenizeWords } from '../text/tokenize.js';
import { ACTIVE_GENERATION } from './schema.js';
import { type SqlParams } from './sql-params.js';

/** ts_rank weights {D, C, B, A}: a title (A) match counts twice a body (B) match. */
const RANK_WEIGHTS = `'{0, 0, 0.5, 1}'`;

export const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=" ... "`;

export interface CandidateQuery {
  /** Index of the candidate in the plan, reported back as `matched`. */
  index: number;
  weight: number;
  /** A tsquery SQL expression over parameters. */
  tsquery: string;
}

/**
 * One tsquery per candidate: the whole text as a phrase, or its non-stop words OR-ed. Text
 * always reaches PostgreSQL as a parameter of phraseto_tsquery/plainto_tsquery, which never
 * parse operators, so no input can cause a syntax error. Candidates without a searchable word
 * (only punctuation or emoji) are left out rather than sent as empty queries.
 */
export function candidateQueries(plan: MatchPlan, params: SqlParams): CandidateQuery[] {
  return plan.candidates.flatMap((candidate, index) => {
    if (plan.strategy === 'phrase') {
      if (tokenizeWords(candidate.text).length === 0) return [];
      return [
        {
          index,
          weight: candidate.weight,
          tsquery: `phraseto_tsquery('english', ${params.add(candidate.text)})`,
        },
      ];
    }
    if (candidate.words.length === 0) return [];
    const anyWord = candidate.words
      .map((word) => `plainto_tsquery('english', ${params.add(word)})`)
      .join(' || ');
    return [{ index, weight: candidate.weight, tsquery: `(${anyWord})` }];
  });
}

export interface MatchSqlOptions {
  kind: 'post' | 'comment';
  category: string | null;
  offset: number;
  limit: number;
}

/**
 * Ranks matching documents by the weighted sum of each candidate's ts_rank, pages them, then
 * builds snippets for the page only (ts_headline reads the whole body, so it runs after LIMIT).
 */
export function matchSql(
  queries: readonly CandidateQuery[],
  options: MatchSqlOptions,
  params: SqlParams,
): string {
  const anyCandidate = queries.map((query) => query.tsquery).join(' || ');
  const score = queries
    .map(
      (query) =>
        `${params.add(query.weight)}::float8 * ts_rank(${RANK_WEIGHTS}, d.vec, ${query.tsquery})`,
    )
    .join(' + ');
  const matched = queries
    .map((query) => `CASE WHEN d.vec @@ ${query.tsquery} THEN ${query.index} END`)
    .join(', ');
  const categoryFilter =
    options.category === null
      ? ''
      : `AND d.category_slugs @> ARRAY[${params.add(options.category)}]::text[]`;
  const kind = params.add(options.kind);
  return `WITH ranked AS (
      SELECT d.source_id, ${score} AS score, count(*) OVER ()::int AS total
      FROM search_document d
      WHERE d.generation = ${ACTIVE_GENERATION} AND d.kind = ${kind} AND d.vec @@ (${anyCandidate}) ${categoryFilter}
      ORDER BY score DESC, d.published_at DESC NULLS LAST, d.source_id DESC
      LIMIT ${params.add(options.limit)} OFFSET ${params.add(options.offset)}
    )
    SELECT r.total, r.score, d.source_id AS id, d.post_id, d.slug, d.title, d.published_at, d.categories,
      ts_headline('english', d.body, (${anyCandidate}), ${params.add(HEADLINE_OPTIONS)}) AS snippet,
      array_to_json(array_remove(ARRAY[${matched}]::int[], NULL)) AS matched
    FROM ranked r
    JOIN search_document d ON d.generation = ${ACTIVE_GENERATION} AND d.kind = ${kind} AND d.source_id = r.source_id
    ORDER BY r.score DESC, d.published_at DESC NULLS LAST, d.source_id DESC`;
}

/** The number of matches alone, for a page past the last result. */
export function countSql(
  queries: readonly CandidateQuery[],
  options: MatchSqlOptions,
  params: SqlParams,
): string {
  const anyCandidate = queries.map((query) => query.tsquery).join(' || ');
  const categoryFilter =
    options.category === null
      ? ''
      : `AND d.category_slugs @> ARRAY[${params.add(options.category)}]::text[]`;
  return `SELECT count(*)::int AS total FROM search_document d
    WHERE d.generation = ${ACTIVE_GENERATION} AND d.kind = ${params.add(options.kind)} AND d.vec @@ (${anyCandidate}) ${categoryFilter}`;
}
