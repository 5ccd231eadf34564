import { type SuggestResultsView } from '@inkwell/contract';

/** One row of the search box's list: a completed query to search, or a post to open. */
export type SuggestionOption =
  | { kind: 'query'; id: string; label: string; href: string }
  | { kind: 'post'; id: string; label: string; href: string };

/** Completions first, then posts, each with a DOM id unique under `listboxId` and its target. */
export function suggestionOptions(
  listboxId: string,
  suggestions: SuggestResultsView,
): SuggestionOption[] {
  const queries = suggestions.completions.map(({ query }, index): SuggestionOption => ({
    kind: 'query',
    id: `${listboxId}-query-${index}`,
    label: query,
    href: `/search?${new URLSearchParams({ q: query })}`,
  }));
  const posts = suggestions.posts.map(({ path, title }, index): SuggestionOption => ({
    kind: 'post',
    id: `${listboxId}-post-${index}`,
    label: title,
    href: path,
  }));
  return [...queries, ...posts];
}

/** What the polite live region says once suggestions arrive. */
export function suggestionsAnnouncement(options: readonly SuggestionOption[]): string {
  const queries = options.filter((option) => option.kind === 'query').length;
  const posts = options.length - queries;
  if (options.length === 0) return 'No suggestions.';
  const parts = [
    queries > 0 ? `${queries} ${queries === 1 ? 'search' : 'searches'}` : null,
    posts > 0 ? `${posts} ${posts === 1 ? 'post' : 'posts'}` : null,
  ].filter((part) => part !== null);
  return `${parts.join(' and ')} suggested. Use the up and down arrow keys to choose.`;
}

/** The next active option for an arrow key: wraps around; -1 means none (the input itself). */
export function movedIndex(current: number, count: number, key: 'ArrowDown' | 'ArrowUp'): number {
  if (count === 0) return -1;
  if (key === 'ArrowDown') return current + 1 >= count ? 0 : current + 1;
  return current <= 0 ? count - 1 : current - 1;
}
