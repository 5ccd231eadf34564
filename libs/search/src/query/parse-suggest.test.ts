import { describe, expect, it } from 'vitest';
import { parseSuggestInput } from './parse-suggest.js';

describe('parseSuggestInput', () => {
  it('splits off the word being typed, keeping the rest as typed', () => {
    expect(parseSuggestInput({ q: '  The  AbortCon' })).toEqual({
      text: 'The AbortCon',
      head: 'The ',
      prefix: 'abortcon',
      words: [],
    });
    expect(parseSuggestInput({ q: 'cancel\u0000fetch re' })).toMatchObject({
      head: 'cancel fetch ',
      prefix: 're',
      words: ['cancel', 'fetch'],
    });
  });

  it('has no word being typed after a space, after punctuation or with one letter', () => {
    expect(parseSuggestInput({ q: 'fetch ' })).toMatchObject({ text: 'fetch', prefix: null });
    expect(parseSuggestInput({ q: 'fetch(' })).toMatchObject({ prefix: null, words: ['fetch'] });
    expect(parseSuggestInput({ q: 'fetch a' })).toMatchObject({ prefix: null, words: ['fetch'] });
  });
});
