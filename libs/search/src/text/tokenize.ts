/** Letters and digits of any script; everything else separates words. */
export const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Words joined by connectors (`highlight.js`, `snake_case`, `kebab-case`, `@scope/name`,
 * `std::fs`, `user@host`) or a single word that changes case inside (`camelCase`). The same
 * pattern is the Elasticsearch analyzer's tokenizer (`IDENTIFIER_PATTERN`), in Java's syntax.
 */
export const IDENTIFIER_PATTERN = '[\\p{L}\\p{N}]+(?:[._\\-/@:]+[\\p{L}\\p{N}]+)*';
const IDENTIFIER = new RegExp(IDENTIFIER_PATTERN, 'gu');
/** Where a word changes case: `camel|Case`, `XML|Http`, `abort|Controller`. */
const CASE_CHANGE = /(?<=[\p{Ll}\p{N}])(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u;
/** A connector or a case change: what makes a token an identifier. */
const SPLITS = /[^\p{L}\p{N}]|[\p{Ll}\p{N}]\p{Lu}|\p{Lu}\p{Lu}\p{Ll}/u;

/** Lower-cased words of `text`, in order, duplicates kept. */
export function tokenizeWords(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * The extra tokens that make an identifier findable whole and in parts, in order: for words
 * joined by connectors, the whole with the connectors dropped (`highlightjs`, `snakecase`,
 * `scopename`), then each word, and the parts of a word that changes case
 * (`hljs.registerLanguage`: `hljsregisterlanguage hljs registerlanguage register language`);
 * for a camelCase word alone (already a word as it is), its parts. Lower-cased. Numbers alone
 * (`15.4`, `10:30`) are not identifiers.
 */
export function identifierTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const [identifier] of text.matchAll(IDENTIFIER)) {
    // Most tokens are plain words: one test sends them on.
    if (!SPLITS.test(identifier) || !/\p{L}/u.test(identifier)) continue;
    const words = identifier.split(/[^\p{L}\p{N}]+/u);
    const joined = words.length > 1;
    if (joined) tokens.push(words.join('').toLowerCase());
    for (const word of words) {
      const parts = word.split(CASE_CHANGE);
      if (joined) tokens.push(word.toLowerCase());
      if (parts.length > 1) tokens.push(...parts.map((part) => part.toLowerCase()));
    }
  }
  return tokens;
}

/**
 * Distinct lower-cased words of `text`: what the spelling lexicon counts per document. The
 * words between separators, plus the wholes and parts of identifiers (`identifierTokens`), so
 * that every word the lexicon offers as a correction is one the index can match. A caller that
 * already has the identifier tokens passes them (those of texts joined by spaces are the
 * concatenation of each text's: an identifier never spans a space).
 */
export function distinctWords(
  text: string,
  identifiers: readonly string[] = identifierTokens(text),
): string[] {
  return [...new Set([...tokenizeWords(text), ...identifiers].filter((w) => w.length >= 2))];
}

/** Lucene's English stop words, the set Elasticsearch's `english` analyzer drops. */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(
    ' ',
  ),
);
