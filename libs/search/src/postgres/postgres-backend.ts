import {
  type CategoryRef,
  type CommentHit,
  type PostHit,
  TOTAL_HITS_CAP,
  type TotalHits,
} from '../engine.js';
import { type SpellingLookup } from '../query/candidates.js';
import { type MatchPlan, type RankedPage, type SearchBackend } from '../query/run-search.js';
import { renderSnippet } from '../text/snippet.js';
import { tokenizeWords } from '../text/tokenize.js';
import { suggestFromLexicon } from './lexicon-suggester.js';
import { LexiconWordCache } from './lexicon-words.js';
import {
  candidateQueries,
  matchSql,
  type MatchSqlOptions,
  PHRASE_VECTORS_SQL,
  type PhrasePairs,
  SHORTLIST_SIZE,
} from './match-sql.js';
import { phrasePairHashes } from './phrase-pairs.js';
import { type SqlClient } from './sql-client.js';
import { SqlParams } from './sql-params.js';

interface MatchRow {
  total: number;
  score: number;
  id: number;
  post_id: number;
  slug: string;
  title: string;
  published_at: Date | string | null;
  categories: CategoryRef[];
  snippet: string;
  matched: number[];
}

/** Each candidate's adjacent lexeme pairs when it is matched as a phrase; none otherwise. */
async function phrasePairs(db: SqlClient, plan: MatchPlan): Promise<PhrasePairs[]> {
  const phrases = plan.candidates.map((candidate) => tokenizeWords(candidate.text).length > 1);
  if (plan.strategy !== 'phrase' || !phrases.includes(true)) return [];
  const { rows } = await db.query(PHRASE_VECTORS_SQL, [
    plan.candidates.map((candidate) => candidate.text),
  ]);
  return rows.map((row) => {
    const pairs = phrasePairHashes(row.vec as string);
    return { pairs, exact: pairs.length === 1 && row.two_lexemes === true };
  });
}

async function findMatches(
  db: SqlClient,
  plan: MatchPlan,
  options: MatchSqlOptions,
): Promise<{ total: TotalHits; rows: MatchRow[] }> {
  const pairs = await phrasePairs(db, plan);
  const params = new SqlParams();
  const queries = candidateQueries(plan, pairs, params);
  if (queries.length === 0) return { total: { value: 0, relation: 'eq' }, rows: [] };
  const sql = matchSql(
    queries,
    { ...options, shortlist: SHORTLIST_SIZE, countUpTo: TOTAL_HITS_CAP },
    params,
  );
  const { rows } = await db.query(sql, params.values);
  // A page past the last match is one row holding the total alone.
  const matches = (rows as unknown as (MatchRow | { total: number; id: null })[]).filter(
    (row): row is MatchRow => row.id !== null,
  );
  // The statement counts one match past the cap, to tell "exactly the cap" from "more".
  const counted = Number(rows[0]?.total ?? 0);
  const total: TotalHits =
    counted > TOTAL_HITS_CAP
      ? { value: TOTAL_HITS_CAP, relation: 'gte' }
      : { value: counted, relation: 'eq' };
  return { total, rows: matches };
}

const roundScore = (score: number): number => Math.round(score * 1e6) / 1e6;

/** The PostgreSQL side of the shared query plan: lexicon suggestions, ts_rank, ts_headline. */
export function postgresBackend(db: SqlClient): SearchBackend {
  const lexicon = new LexiconWordCache();
  return {
    suggest: (words: string[]): Promise<SpellingLookup> => suggestFromLexicon(db, lexicon, words),

    async findPosts(plan, window): Promise<RankedPage<PostHit>> {
      const { total, rows } = await findMatches(db, plan, {
        kind: 'post',
        category: plan.category,
        ...window,
      });
      return {
        total,
        hits: rows.map((row) => ({
          kind: 'post',
          id: row.id,
          title: row.title,
          slug: row.slug,
          publishedAt: new Date(row.published_at ?? 0).toISOString(),
          categories: row.categories,
          snippet: renderSnippet(row.snippet),
          score: roundScore(row.score),
          matched: row.matched,
        })),
      };
    },

    async findComments(plan, limit): Promise<RankedPage<CommentHit>> {
      const { total, rows } = await findMatches(db, plan, {
        kind: 'comment',
        category: null,
        offset: 0,
        limit,
      });
      return {
        total,
        hits: rows.map((row) => ({
          kind: 'comment',
          id: row.id,
          title: `Comment on ${row.title}`,
          postId: row.post_id,
          slug: row.slug,
          snippet: renderSnippet(row.snippet),
          score: roundScore(row.score),
          matched: row.matched,
        })),
      };
    },
  };
}
