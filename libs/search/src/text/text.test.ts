import { describe, expect, it } from 'vitest';
import { editDistance, spellingScore } from './edit-distance.js';
import { editVariants } from './edit-variants.js';
import { stripMarkdown } from './markdown.js';
import { MATCH_END, MATCH_START, renderSnippet } from './snippet.js';

describe('edit distance and spelling score', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('rsut', 'rust')).toBe(1);
    expect(editDistance('replcaton', 'replication')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('scores like the term suggester: 1 - edits / shorter length', () => {
    expect(spellingScore('firefix', 'firefox')).toBeCloseTo(0.857, 3);
    expect(spellingScore('postgress', 'postgres')).toBe(0.875);
    expect(spellingScore('abc', 'xyz')).toBe(0);
  });

  it('generates every one-edit variant', () => {
    const variants = editVariants('tokoi');
    for (const expected of ['tokio', 'toki', 'tokoio', 'tokoi', 'tokai'])
      expect(variants).toContain(expected);
    expect(variants).not.toContain('tiko');
  });
});

describe('stripMarkdown', () => {
  it('keeps text, code and snake_case identifiers, drops syntax', () => {
    const text = stripMarkdown(
      '# Title\n\nSome **bold** and _em_ text with [a link](https://x.y) and `pg_stat_replication`.\n\n```sql\nSELECT 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote\n- item',
    );
    expect(text).toBe(
      'Title\n\nSome bold and em text with a link and pg_stat_replication.\n\nSELECT 1;\n\n a b \n\n 1 2 \n\nquote\nitem',
    );
  });
});

describe('renderSnippet', () => {
  it('escapes document HTML and turns markers into mark tags', () => {
    expect(renderSnippet(`<b>x</b> & ${MATCH_START}rust${MATCH_END}\n  "q"`)).toBe(
      '&lt;b&gt;x&lt;/b&gt; &amp; <mark>rust</mark> &quot;q&quot;',
    );
  });
});
