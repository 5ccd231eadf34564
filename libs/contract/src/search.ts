import { z } from 'zod';
import { categoryRef, isoDateTime, positiveInt, SLUG_PATTERN } from './fields.js';

/** Query string of GET /api/search. */
export const searchQuerySchema = z.object({
  q: z.string({ error: 'q is required' }),
  category: z.string().regex(SLUG_PATTERN, 'category must be a category slug').optional(),
  page: positiveInt('page', 1_000).optional(),
  pageSize: positiveInt('pageSize', 50).optional(),
  debug: z.enum(['1', 'true', '0', 'false']).optional(),
});
export type SearchQuery = z.output<typeof searchQuerySchema>;

export const searchHit = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('post'),
    id: z.number().int(),
    slug: z.string(),
    /** Where readers find it: `/posts/<slug>`, or `/<slug>` for a static page. */
    path: z.string(),
    title: z.string(),
    publishedAt: isoDateTime,
    categories: z.array(categoryRef),
    /** HTML-escaped text with the matched words in <mark>. */
    snippet: z.string(),
  }),
  z.object({
    kind: z.literal('comment'),
    id: z.number().int(),
    /** The commented post's slug. */
    slug: z.string(),
    title: z.string(),
    snippet: z.string(),
  }),
]);
export type SearchHit = z.infer<typeof searchHit>;

/** Matches are counted up to 1,000; past that the count is a lower bound (`gte`). */
export const searchTotal = z.object({
  value: z.number().int(),
  relation: z.enum(['eq', 'gte']),
});
export type SearchTotal = z.infer<typeof searchTotal>;

export const searchResultsView = z.object({
  q: z.string(),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: searchTotal,
  hits: z.array(searchHit),
  terms: z.object({ correctedTo: z.string().nullable() }),
  /** With no hits: the closest spellings of the query, to offer as links. */
  suggestions: z.array(z.string()),
});
export type SearchResultsView = z.infer<typeof searchResultsView>;

/** The longest text a search box sends while typing (the search engine's own limit). */
export const MAX_SUGGEST_QUERY_LENGTH = 100;

/** Query string of GET /api/search/suggest. */
export const suggestQuerySchema = z.object({
  q: z
    .string({ error: 'q is required' })
    .min(1, 'q must not be empty')
    .max(MAX_SUGGEST_QUERY_LENGTH, `q must be at most ${MAX_SUGGEST_QUERY_LENGTH} characters`),
});
export type SuggestQuery = z.output<typeof suggestQuerySchema>;

export const suggestResultsView = z.object({
  q: z.string(),
  /** Ways to finish the last word of q: words of matching post titles first, then other words. */
  completions: z.array(
    z.object({
      word: z.string(),
      /** q with its last word completed. */
      query: z.string(),
    }),
  ),
  /** The newest posts whose titles match q, its last word as a prefix. */
  posts: z.array(z.object({ slug: z.string(), title: z.string(), path: z.string() })),
});
export type SuggestResultsView = z.infer<typeof suggestResultsView>;
