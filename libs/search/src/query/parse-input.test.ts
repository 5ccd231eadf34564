import { describe, expect, it } from 'vitest';
import { SearchValidationError } from '../errors.js';
import { parseSearchInput } from './parse-input.js';

describe('parseSearchInput', () => {
  it('pulls category:<slug> out of q and collapses whitespace', () => {
    expect(parseSearchInput({ q: '  tokio   category:Rust channels ' })).toEqual({
      text: 'tokio channels',
      words: ['tokio', 'channels'],
      category: 'rust',
      page: 1,
      pageSize: 10,
      debug: false,
    });
  });

  it('lets an explicit category win and keeps other colons as text', () => {
    expect(parseSearchInput({ q: 'a:b category:', category: 'devops' })).toMatchObject({
      text: 'a:b category:',
      category: 'devops',
    });
  });

  it.each([
    [{ q: '' }, 'q'],
    [{ q: ' \t ' }, 'q'],
    [{ q: 'category:rust' }, 'q'],
    [{ q: 'x'.repeat(201) }, 'q'],
    [{ q: 'ok', page: 0 }, 'page'],
    [{ q: 'ok', pageSize: 51 }, 'pageSize'],
    [{ q: 'ok', category: 'Not a slug!' }, 'category'],
  ])('rejects %j naming %s', (input, field) => {
    expect(() => parseSearchInput(input)).toThrow(
      expect.objectContaining({ name: 'SearchValidationError', field }),
    );
    expect(() => parseSearchInput(input)).toThrow(SearchValidationError);
  });

  it('turns control characters into spaces', () => {
    expect(parseSearchInput({ q: 'a\u0000b' }).text).toBe('a b');
  });
});
