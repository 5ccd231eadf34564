import { type SuggestResultsView } from '@inkwell/contract';
import { useEffect, useState } from 'react';

/** Keystrokes closer together than this are one request. */
export const SUGGEST_DEBOUNCE_MS = 150;

/**
 * The site's suggestions for `query` (`/search/suggest`, same origin), asked once typing pauses;
 * a newer query cancels the request of an older one. Null while there is nothing to show: an
 * empty query, or an answer that failed (the box is then the plain search form).
 */
export function useSearchSuggestions(query: string): SuggestResultsView | null {
  const [suggestions, setSuggestions] = useState<SuggestResultsView | null>(null);

  useEffect(() => {
    if (query.trim() === '') {
      setSuggestions(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/search/suggest?${new URLSearchParams({ q: query })}`, {
        signal: controller.signal,
        headers: { accept: 'application/json' },
      })
        .then((response) => (response.ok ? (response.json() as Promise<SuggestResultsView>) : null))
        .then((answer) => setSuggestions(answer))
        .catch(() => {
          if (!controller.signal.aborted) setSuggestions(null);
        });
    }, SUGGEST_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  return suggestions;
}
