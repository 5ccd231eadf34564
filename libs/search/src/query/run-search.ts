import { performance } from 'node:perf_hooks';
import {
  type CommentHit,
  type MatchStrategy,
  type PostHit,
  type SearchDebug,
  type SearchHit,
  type SearchInput,
  type SearchResults,
  type TotalHits,
} from '../engine.js';
import {
  closestSuggestions,
  completablePrefix,
  correctableWords,
  planCandidates,
  type PlannedCandidate,
  type SpellingLookup,
} from './candidates.js';
import { parseSearchInput } from './parse-input.js';

/** What an engine is asked to run: every candidate in one OR query. */
export interface MatchPlan {
  candidates: PlannedCandidate[];
  strategy: MatchStrategy;
  category: string | null;
}

/** A hit plus the indexes of the candidates it matched, to tell the reader which terms were used. */
export type Ranked<T> = T & { matched: number[] };

export interface RankedPage<T> {
  /** Counted up to `TOTAL_HITS_CAP`. */
  total: TotalHits;
  hits: Ranked<T>[];
}

/** A page of nothing: no candidate had a searchable word. */
export function noMatches<T>(): RankedPage<T> {
  return { total: { value: 0, relation: 'eq' }, hits: [] };
}

/** The three operations an engine provides; the plan around them is written once, here. */
export interface SearchBackend {
  suggest(words: string[]): Promise<SpellingLookup>;
  findPosts(
    plan: MatchPlan,
    window: { offset: number; limit: number },
  ): Promise<RankedPage<PostHit>>;
  findComments(plan: MatchPlan, limit: number): Promise<RankedPage<CommentHit>>;
}

/** Comments are blended in while posts alone fill less than this many results. */
export const COMMENT_BLEND_THRESHOLD = 10;

function elapsed(since: number): number {
  return Math.round((performance.now() - since) * 100) / 100;
}

function usedTerms(
  candidates: readonly PlannedCandidate[],
  hits: readonly Ranked<SearchHit>[],
): SearchResults['terms'] {
  const matched = new Set(hits.flatMap((hit) => hit.matched));
  const used = [
    ...new Set(candidates.filter((_, i) => matched.has(i)).map((candidate) => candidate.text)),
  ];
  const typed = candidates[0]?.text ?? '';
  // The typed text with its last word completed is still what the reader typed, not a correction.
  const typedMatched = candidates.some((c, i) => c.source !== 'suggester' && matched.has(i));
  return { typed, used, correctedTo: typedMatched ? null : (used[0] ?? null) };
}

/**
 * The query plan shared by every engine: validate, collect spelling candidates, run them as one
 * boosted OR query of phrases, fall back to any-word matching when a multi-word query finds
 * nothing, and blend matching comments in while posts are few.
 */
export async function runSearch(
  backend: SearchBackend,
  input: SearchInput,
): Promise<SearchResults> {
  const started = performance.now();
  const parsed = parseSearchInput(input);
  const parseMs = elapsed(started);

  const suggestStarted = performance.now();
  const words = correctableWords(parsed.words);
  const { suggestions, indexed } =
    words.length > 0 ? await backend.suggest(words) : { suggestions: new Map(), indexed: null };
  const prefix = completablePrefix(parsed.words, indexed);
  const candidates = planCandidates(parsed.text, suggestions, prefix);
  const suggestMs = elapsed(suggestStarted);

  const postsStarted = performance.now();
  const offset = (parsed.page - 1) * parsed.pageSize;
  const window = { offset, limit: parsed.pageSize };
  const strategiesTried: MatchStrategy[] = ['phrase'];
  let plan: MatchPlan = { candidates, strategy: 'phrase', category: parsed.category };
  let posts = await backend.findPosts(plan, window);
  if (posts.total.value === 0 && parsed.words.length > 1) {
    plan = { ...plan, strategy: 'any-word' };
    strategiesTried.push('any-word');
    posts = await backend.findPosts(plan, window);
  }
  const postsMs = elapsed(postsStarted);

  const commentsStarted = performance.now();
  const postCount = posts.total.value;
  let total = posts.total;
  let hits: Ranked<SearchHit>[] = posts.hits;
  // Comments carry no categories, so a category filter keeps results to posts. Under the
  // threshold the posts' count is exact.
  if (postCount < COMMENT_BLEND_THRESHOLD && parsed.category === null) {
    const comments = await backend.findComments(plan, COMMENT_BLEND_THRESHOLD - postCount);
    const blended = Math.min(comments.total.value, COMMENT_BLEND_THRESHOLD - postCount);
    total = { value: postCount + blended, relation: 'eq' };
    const from = Math.max(0, offset - postCount);
    const to = offset + parsed.pageSize - postCount;
    hits = [...hits, ...comments.hits.slice(0, blended).slice(from, Math.max(from, to))];
  }
  const commentsMs = elapsed(commentsStarted);

  const results: SearchResults = {
    q: parsed.text,
    category: parsed.category,
    page: parsed.page,
    pageSize: parsed.pageSize,
    total,
    hits: hits.map(({ matched: _matched, ...hit }) => hit),
    terms: usedTerms(candidates, hits),
    suggestions: total.value === 0 ? closestSuggestions(parsed.text, suggestions, candidates) : [],
  };
  if (parsed.debug) {
    const debug: SearchDebug = {
      candidates: candidates.map(({ words: _words, prefix: _prefix, ...candidate }) => candidate),
      suggestions: Object.fromEntries(
        [...suggestions].map(([word, options]) => [word, [...options]]),
      ),
      strategy: plan.strategy,
      strategiesTried,
      timings: { parseMs, suggestMs, postsMs, commentsMs, totalMs: elapsed(started) },
    };
    results.debug = debug;
  }
  return results;
}
