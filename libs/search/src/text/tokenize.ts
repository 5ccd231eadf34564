/** Letters and digits of any script; everything else separates words. */
export const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased words of `text`, in order, duplicates kept. */
export function tokenizeWords(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Distinct lower-cased words of `text`: what the spelling lexicon counts per document. */
export function distinctWords(text: string): string[] {
  return [...new Set(tokenizeWords(text).filter((word) => word.length >= 2))];
}

/** Lucene's English stop words, the set Elasticsearch's `english` analyzer drops. */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(
    ' ',
  ),
);
