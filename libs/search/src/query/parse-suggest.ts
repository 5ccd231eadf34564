import { type SuggestInput } from '../engine.js';
import { SearchValidationError } from '../errors.js';
import { ENGLISH_STOP_WORDS, tokenizeWords } from '../text/tokenize.js';
import { textBeforeLastWord } from './candidates.js';

/** A suggest query is what fits in a search box while typing; longer text is not a prefix. */
export const MAX_SUGGEST_LENGTH = 100;
/** A single letter would complete to half the lexicon: completions start at two. */
export const MIN_PREFIX_LENGTH = 2;

export interface ParsedSuggestQuery {
  /** The query, control characters and repeated spaces removed. */
  text: string;
  /** `text` before its last word: a completion is `head + word`. */
  head: string;
  /** The last word, lower-cased, when the query ends inside a word at least two letters long. */
  prefix: string | null;
  /** Lower-cased words before the last one, stop words removed: the title must hold them too. */
  words: string[];
}

const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;

/**
 * Validates a suggest query and splits off the word being typed. A query that ends with a
 * space or punctuation has no word being typed: it suggests posts only.
 */
export function parseSuggestInput(input: SuggestInput): ParsedSuggestQuery {
  const raw = typeof input.q === 'string' ? input.q : '';
  if (raw.trim() === '') throw new SearchValidationError('q', 'q must not be empty');
  if (raw.length > MAX_SUGGEST_LENGTH) {
    throw new SearchValidationError('q', `q must be at most ${MAX_SUGGEST_LENGTH} characters`);
  }
  const normalised = raw
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trimStart();
  const head = ENDS_IN_WORD.test(normalised) ? textBeforeLastWord(normalised) : normalised;
  const last = normalised.slice(head.length).toLowerCase();
  const prefix = last.length >= MIN_PREFIX_LENGTH ? last : null;
  return {
    text: normalised.trimEnd(),
    head,
    prefix,
    words: tokenizeWords(head).filter((word) => !ENGLISH_STOP_WORDS.has(word)),
  };
}
