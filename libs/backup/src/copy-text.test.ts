import { describe, expect, it } from 'vitest';
import { parseCopyText } from './copy-text.js';

describe('parseCopyText', () => {
  it('splits rows and columns and reads \\N as NULL', () => {
    expect(parseCopyText('1\tada\t\\N\n2\t\t{a,b}\n')).toEqual([
      ['1', 'ada', null],
      ['2', '', '{a,b}'],
    ]);
  });

  it('decodes the escapes COPY writes for tabs, newlines and backslashes', () => {
    expect(parseCopyText('a\\tb\\nc\\\\d\\r\t\\\\N\n')).toEqual([['a\tb\nc\\d\r', '\\N']]);
  });

  it('decodes octal and hexadecimal escapes', () => {
    expect(parseCopyText('\\101\\x42\n')).toEqual([['AB']]);
  });

  it('has no rows for an empty table', () => {
    expect(parseCopyText('')).toEqual([]);
  });
});
