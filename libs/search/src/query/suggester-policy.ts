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
} as const;
