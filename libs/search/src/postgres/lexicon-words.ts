/** The words of the live generation's lexicon, as of one version of it. */
export interface LexiconWords {
  /** The generation and its count of statements that added words (`search_state.lexicon_words`). */
  version: string;
  words: ReadonlySet<string>;
}

/**
 * The version of the lexicon a statement sees: it changes with every reindex (a new
 * generation) and every statement that adds a word to the lexicon (see `schema.ts`).
 */
const LEXICON_VERSION_SQL = `(SELECT generation || ':' || lexicon_words FROM search_state WHERE id = 1)`;

/**
 * Two columns for a statement to return, `lexicon_version` (the version it sees) and
 * `lexicon_words` (that version's words when they differ from `$held`, the version the
 * caller holds, else null): the words are read only after the lexicon gained some.
 */
export const lexiconVersionColumns = (held: string): string =>
  `${LEXICON_VERSION_SQL} AS lexicon_version,
   CASE WHEN ${LEXICON_VERSION_SQL} IS DISTINCT FROM ${held} THEN
     (SELECT coalesce(array_agg(word), '{}') FROM search_term
      WHERE generation = (SELECT generation FROM search_state WHERE id = 1)) END AS lexicon_words`;

/**
 * The lexicon's words kept in this process, so that a spelling lookup asks the database only
 * about those one-edit variants of a typed word that are words at all (a few of ~500 a word).
 * Other processes add words too, so a lookup reads the version its statement saw and hands it
 * back (`settle`): a lookup whose variants were filtered by the words of another version is
 * made again. Words whose documents were all deleted stay in the set; the database still
 * decides every count.
 */
export class LexiconWordCache {
  private current: LexiconWords | null = null;

  /** The words to filter variants by; null while none are known (ask about every variant). */
  get held(): LexiconWords | null {
    return this.current;
  }

  /**
   * Keeps what a lookup read (`version`, and `words` when the lookup held another version or
   * none), and tells whether the lookup's variants were filtered by the words of `version`,
   * or not filtered at all (`used` null): whether its answer stands.
   */
  settle(used: LexiconWords | null, version: string, words: readonly string[] | null): boolean {
    if (words !== null) this.current = { version, words: new Set(words) };
    return used === null || used.version === version;
  }
}
