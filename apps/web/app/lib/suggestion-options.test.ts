import { describe, expect, it } from 'vitest';
import { movedIndex, suggestionOptions, suggestionsAnnouncement } from './suggestion-options.js';

describe('suggestion options', () => {
  const options = suggestionOptions('box', {
    q: 'fetch abortcon',
    completions: [{ word: 'abortcontroller', query: 'fetch abortcontroller' }],
    posts: [
      { slug: 'cancel-fetch', title: 'Cancelling fetch & more', path: '/posts/cancel-fetch' },
    ],
  });

  it('lists completed searches, then posts, each with a unique id and its link', () => {
    expect(options).toEqual([
      {
        kind: 'query',
        id: 'box-query-0',
        label: 'fetch abortcontroller',
        href: '/search?q=fetch+abortcontroller',
      },
      {
        kind: 'post',
        id: 'box-post-0',
        label: 'Cancelling fetch & more',
        href: '/posts/cancel-fetch',
      },
    ]);
  });

  it('announces how many of each arrived', () => {
    expect(suggestionsAnnouncement(options)).toBe(
      '1 search and 1 post suggested. Use the up and down arrow keys to choose.',
    );
    expect(suggestionsAnnouncement([])).toBe('No suggestions.');
  });

  it('moves through the options with the arrow keys, wrapping around', () => {
    expect(movedIndex(-1, 3, 'ArrowDown')).toBe(0);
    expect(movedIndex(2, 3, 'ArrowDown')).toBe(0);
    expect(movedIndex(-1, 3, 'ArrowUp')).toBe(2);
    expect(movedIndex(0, 3, 'ArrowUp')).toBe(2);
    expect(movedIndex(0, 0, 'ArrowDown')).toBe(-1);
  });
});
