import { type estypes } from '@elastic/elasticsearch';
import { type CommentHit, type PostHit, type TotalHits } from '../engine.js';
import { orderCorrections, type SpellingLookup, type TermSuggestion } from '../query/candidates.js';
import { mayCorrect } from '../query/suggester-policy.js';
import { type Ranked, type RankedPage } from '../query/run-search.js';
import { type TitleMatch } from '../query/run-suggest.js';
import { renderSnippet } from '../text/snippet.js';
import { type CommentSource, type PostSource } from './index-definitions.js';

/** Each bucket's document count of a keyed `filters` aggregation. */
function filterCounts(response: estypes.SearchResponse, name: string): Map<string, number> {
  const aggregate = response.aggregations?.[name];
  const buckets = aggregate !== undefined && 'buckets' in aggregate ? aggregate.buckets : {};
  return new Map(
    Object.entries(buckets as Record<string, { doc_count?: number }>).map(([word, bucket]) => [
      word,
      bucket.doc_count ?? 0,
    ]),
  );
}

/**
 * Merges the per-field term suggestions by word, keeping each option's best score and freq and
 * whether the title suggester found it; drops the words the policy keeps as typed.
 */
export function parseSuggestions(response: estypes.SearchResponse): SpellingLookup {
  const docCounts = filterCounts(response, 'indexed');
  const byWord = new Map<string, Map<string, TermSuggestion>>();
  for (const [field, entries] of Object.entries(response.suggest ?? {})) {
    for (const entry of entries) {
      if (!mayCorrect(entry.text, docCounts.get(entry.text) ?? 0)) continue;
      const options = Array.isArray(entry.options) ? entry.options : [entry.options];
      const merged = byWord.get(entry.text) ?? new Map<string, TermSuggestion>();
      for (const option of options) {
        if (!('score' in option) || !('freq' in option)) continue;
        const known = merged.get(option.text);
        merged.set(option.text, {
          text: option.text,
          score: Math.max(option.score, known?.score ?? 0),
          freq: Math.max(option.freq, known?.freq ?? 0),
          inTitle: field === 'title' || known?.inTitle === true,
        });
      }
      byWord.set(entry.text, merged);
    }
  }
  const suggestions = orderCorrections(
    new Map(
      [...byWord]
        .filter(([, options]) => options.size > 0)
        .map(([word, options]) => [word, [...options.values()]]),
    ),
  );
  const indexed = new Set([...docCounts].filter(([, count]) => count > 0).map(([word]) => word));
  return { suggestions, indexed };
}

/** Which asked ties (by their index) a document holds with their context. */
export function parseContextMatches(response: estypes.SearchResponse): Set<number> {
  return new Set(
    [...filterCounts(response, 'context')]
      .filter(([, count]) => count > 0)
      .map(([index]) => Number(index)),
  );
}

/** `c2:title` -> 2, for every candidate a hit matched. */
function matchedCandidates(hit: estypes.SearchHit): number[] {
  const names = Array.isArray(hit.matched_queries)
    ? hit.matched_queries
    : Object.keys(hit.matched_queries ?? {});
  const indexes = names
    .map((name) => Number(/^c(\d+):/u.exec(name)?.[1]))
    .filter((index) => Number.isInteger(index));
  return [...new Set(indexes)].sort((a, b) => a - b);
}

const roundScore = (score: number | null | undefined): number =>
  Math.round((score ?? 0) * 1e6) / 1e6;

/** What every hit shares: its id, score, snippet and matched candidates. */
interface HitBasics {
  id: number;
  snippet: string;
  score: number;
  matched: number[];
}

/** `hits.total` as counted under `track_total_hits` (a bare number from older servers). */
function totalHits(total: estypes.SearchHitsMetadata['total']): TotalHits {
  if (typeof total === 'number') return { value: total, relation: 'eq' };
  return { value: total?.value ?? 0, relation: total?.relation ?? 'eq' };
}

/** Pages a response, turning each hit that has a source into a result with `toHit`. */
function parsePage<S, H>(
  response: estypes.SearchResponse<S>,
  toHit: (source: S, basics: HitBasics) => Ranked<H>,
): RankedPage<H> {
  return {
    total: totalHits(response.hits.total),
    hits: response.hits.hits.flatMap((hit) => {
      if (hit._source === undefined || hit._id === undefined) return [];
      const basics: HitBasics = {
        id: Number(hit._id),
        snippet: renderSnippet(hit.highlight?.body?.[0] ?? ''),
        score: roundScore(hit._score),
        matched: matchedCandidates(hit),
      };
      return [toHit(hit._source, basics)];
    }),
  };
}

export function parsePosts(response: estypes.SearchResponse<PostSource>): RankedPage<PostHit> {
  return parsePage(response, (source, { id, snippet, score, matched }) => ({
    kind: 'post',
    id,
    title: source.title,
    slug: source.slug,
    publishedAt: source.published_at ?? new Date(0).toISOString(),
    categories: source.categories,
    snippet,
    score,
    matched,
  }));
}

export function parseComments(
  response: estypes.SearchResponse<CommentSource>,
): RankedPage<CommentHit> {
  return parsePage(response, (source, { id, snippet, score, matched }) => ({
    kind: 'comment',
    id,
    title: `Comment on ${source.post_title}`,
    postId: source.post_id,
    slug: source.post_slug,
    snippet,
    score,
    matched,
  }));
}

export interface AliasedIndex {
  index: string;
  alias: string;
}

/**
 * The indices behind `aliases`, from a `GET _alias/<names>` answered with `ignore: [404]`. When
 * one of the names is missing, Elasticsearch answers 404 with the indices it did find beside
 * `error` and `status` keys, and with no alias at all it sends only those: only entries that
 * carry an `aliases` object are indices.
 */
export function parseAliasedIndices(response: unknown, aliases: string[]): AliasedIndex[] {
  if (typeof response !== 'object' || response === null) return [];
  return Object.entries(response).flatMap(([index, entry]: [string, unknown]) => {
    if (typeof entry !== 'object' || entry === null || !('aliases' in entry)) return [];
    const names = typeof entry.aliases === 'object' && entry.aliases !== null ? entry.aliases : {};
    return Object.keys(names)
      .filter((alias) => aliases.includes(alias))
      .map((alias) => ({ index, alias }));
  });
}

/** Titles of a `titlePrefixRequest` answer, in its order. */
export function parseTitleMatches(
  response: estypes.SearchResponse<Pick<PostSource, 'slug' | 'title'>>,
): TitleMatch[] {
  return response.hits.hits.flatMap((hit) =>
    hit._source ? [{ slug: hit._source.slug, title: hit._source.title }] : [],
  );
}

/** The words of a `wordCompletionRequest` answer, in the suggester's order. */
export function parseWordCompletions(response: estypes.SearchResponse): string[] {
  const suggestion = response.suggest?.words ?? [];
  return suggestion.flatMap((entry) =>
    Array.isArray(entry.options) ? entry.options.map((option) => option.text) : [],
  );
}
