import { Marked } from 'marked';
import { describe, expect, test } from 'vitest';
import { limitNesting } from './limit-nesting.js';

describe('limitNesting', () => {
  test('leaves ordinary quotes and lists as written', () => {
    const markdown = '> quote\n> > reply\n\n- item\n  - sub\n    1. first\n\ntext - with > signs';
    expect(limitNesting(markdown)).toBe(markdown);
  });

  test('markers past the cap become literal text', () => {
    expect(limitNesting('> > > x', 2)).toBe('> > \\> x');
    expect(limitNesting('- - - x', 2)).toBe('- - \\- x');
    expect(limitNesting('1. 2. 3. x', 2)).toBe('1. 2. 3\\. x');
    expect(limitNesting('>>>>', 2)).toBe('>>\\>>');
  });

  test('the parser survives the nesting that overflowed its stack', () => {
    for (const markdown of ['>'.repeat(5000), '1. '.repeat(5000), '> - 1. '.repeat(2000)]) {
      const html = new Marked().parse(limitNesting(markdown), { async: false });
      expect(html.match(/<blockquote>|<ol>|<ul>/g)?.length).toBeLessThanOrEqual(16);
    }
  });
});
