/**
 * The suggester policy, shared by both engines: the Elasticsearch term suggester's settings,
 * and the rules the PostgreSQL lexicon applies to match them
 * (`suggest_mode: popular`, `max_term_freq`, `max_edits: 2`, `accuracy`).
 */
export const SUGGESTER_POLICY = {
  /** A word found in more documents than this is taken as correctly spelled. */
  maxTypedDocFreq: 2,
  maxEdits: 2,
  /** Lowest score returned (Elasticsearch's default `accuracy`); the query plan keeps >= 0.6. */
  accuracy: 0.5,
  size: 5,
  /** Shorter words are never corrected (`min_word_length`). */
  minWordLength: 3,
  /** Shorter words are corrected only when no document holds them. */
  minKnownWordLength: 4,
} as const;

/**
 * Whether a typed word found in `docFreq` documents may be corrected: a rare word may be a
 * typo of a common one, but a short word has so many one-edit neighbours (`css`, `cms`, `cls`)
 * that one the index holds is taken as meant. A 3-letter word is corrected by one edit only:
 * two score 1 - 2/3, under the policy's accuracy.
 */
export function mayCorrect(word: string, docFreq: number): boolean {
  if (docFreq > SUGGESTER_POLICY.maxTypedDocFreq) return false;
  return word.length >= SUGGESTER_POLICY.minKnownWordLength || docFreq === 0;
}
