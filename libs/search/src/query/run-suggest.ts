import { type Completion, type SuggestInput, type SuggestResults } from '../engine.js';
import { tokenizeWords } from '../text/tokenize.js';
import { parseSuggestInput } from './parse-suggest.js';

/** How many posts a suggestion list offers. */
export const SUGGESTED_POSTS = 5;
/** How many completions of the last word it offers. */
export const MAX_COMPLETIONS = 8;
/** Titles read to find completions among title words: the posts offered and some more. */
export const TITLE_SAMPLE = 30;

export interface TitleMatch {
  slug: string;
  title: string;
}

/** What search as you type looks up for one query. */
export interface SuggestLookup {
  /** Whole words the titles must hold a word starting with, besides `prefix`. */
  words: readonly string[];
  /** The word being typed, if any: titles hold a word starting with it, and it is completed. */
  prefix: string | null;
  /** At most this many titles. */
  titleLimit: number;
  /** At most this many indexed words starting with `prefix`. */
  wordLimit: number;
}

export interface SuggestMatches {
  /** Posts whose titles hold, for each of `words` and for `prefix`, a word starting with it; newest first. */
  titles: TitleMatch[];
  /** Indexed words (titles, bodies, comments) starting with `prefix`, most documents first; none without one. */
  words: string[];
}

/** The lookup an engine provides for search as you type; the merging is written once, here. */
export interface SuggestBackend {
  lookUp(lookup: SuggestLookup): Promise<SuggestMatches>;
}

/** Words of the titles that start with `prefix`, the most frequent first, then by first title. */
export function titleCompletions(titles: readonly TitleMatch[], prefix: string): string[] {
  const counts = new Map<string, number>();
  for (const { title } of titles)
    for (const word of new Set(tokenizeWords(title)))
      if (word.startsWith(prefix)) counts.set(word, (counts.get(word) ?? 0) + 1);
  // Map keeps first-seen order, and sort is stable: ties stay in title order.
  return [...counts].sort((a, b) => b[1] - a[1]).map(([word]) => word);
}

/**
 * Search as you type, shared by every engine: completions of the last word (words of the
 * matching titles first, then the lexicon's most frequent words) and the newest matching posts.
 */
export async function runSuggest(
  backend: SuggestBackend,
  input: SuggestInput,
): Promise<SuggestResults> {
  const parsed = parseSuggestInput(input);
  const { prefix } = parsed;
  if (prefix === null && parsed.words.length === 0)
    return { q: parsed.text, completions: [], posts: [] };
  const { titles, words: lexicon } = await backend.lookUp({
    words: parsed.words,
    prefix,
    titleLimit: TITLE_SAMPLE,
    wordLimit: MAX_COMPLETIONS,
  });
  const words =
    prefix === null ? [] : [...new Set([...titleCompletions(titles, prefix), ...lexicon])];
  const completions: Completion[] = words
    .slice(0, MAX_COMPLETIONS)
    .map((word) => ({ word, query: parsed.head + word }));
  return {
    q: parsed.text,
    completions,
    posts: titles.slice(0, SUGGESTED_POSTS).map(({ slug, title }) => ({ slug, title })),
  };
}
