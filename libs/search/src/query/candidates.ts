import { type CandidateTerm } from '../engine.js';
import { typingCost } from '../text/edit-distance.js';
import { ENGLISH_STOP_WORDS, WORD } from '../text/tokenize.js';
import { SUGGESTER_POLICY } from './suggester-policy.js';

/** One spelling alternative for a word, as a term suggester returns it. */
export interface TermSuggestion {
  text: string;
  /** Plausibility in [0, 1]; see `spellingScore`. */
  score: number;
  /** How many documents contain the suggestion. */
  freq: number;
  /** Whether a post title holds it; unset when the engine did not look. */
  inTitle?: boolean;
  /** Whether a document holds it together with the query's other words; unset when not looked up. */
  withContext?: boolean;
}

const flag = (value: boolean | undefined): number => (value === true ? 1 : 0);

/**
 * Orders the alternatives of `typed`: closest first (`score`); among equally close ones, what
 * the query more likely means before what is merely common: a word found in documents with the
 * query's other words, then a word of a post title, then the cheaper slip of the fingers
 * (`typingCost`: a transposition or a neighbouring key), and only then the most documents.
 */
export function compareCorrections(
  typed: string,
): (a: TermSuggestion, b: TermSuggestion) => number {
  return (a, b) =>
    b.score - a.score ||
    flag(b.withContext) - flag(a.withContext) ||
    flag(b.inTitle) - flag(a.inTitle) ||
    typingCost(typed, a.text) - typingCost(typed, b.text) ||
    b.freq - a.freq;
}

/** Each word's alternatives in the order of `compareCorrections`, at most `limit` each. */
export function orderCorrections(
  suggestions: ReadonlyMap<string, readonly TermSuggestion[]>,
  limit = Infinity,
): SuggestionsByWord {
  return new Map(
    [...suggestions].map(([typed, options]) => [
      typed,
      [...options].sort(compareCorrections(typed)).slice(0, limit),
    ]),
  );
}

/** At most this many equally close alternatives of a word are weighed. */
const MAX_WEIGHED_TIES = 10;

/** An alternative tied with others at the best score of its word, and the query's other words. */
export interface Tie {
  option: TermSuggestion;
  /** The other typed words the index knows, stop words aside; empty when there are none. */
  context: string[];
}

/**
 * The alternatives worth weighing by titles and context: those equally close to their typed
 * word as its best one, when more than one is (most words have one best correction).
 */
export function tiesToWeigh(
  suggestions: ReadonlyMap<string, readonly TermSuggestion[]>,
  indexed: ReadonlySet<string>,
): Tie[] {
  return [...suggestions].flatMap(([typed, options]) => {
    const best = Math.max(...options.map((option) => option.score));
    const tied = options.filter((option) => option.score === best);
    if (tied.length < 2) return [];
    const context = [...indexed].filter((word) => word !== typed && !ENGLISH_STOP_WORDS.has(word));
    return tied.slice(0, MAX_WEIGHED_TIES).map((option) => ({ option, context }));
  });
}

export type SuggestionsByWord = ReadonlyMap<string, readonly TermSuggestion[]>;

/** What an engine's term suggester found for the typed words. */
export interface SpellingLookup {
  suggestions: SuggestionsByWord;
  /** The typed words the index holds as they are; null when the engine cannot tell. */
  indexed: ReadonlySet<string> | null;
}

/** The fixed score of the query as typed: above any correction, so its matches rank first. */
export const TYPED_SCORE = 1.1;
/** Alternatives below this are not plausible corrections. */
export const MIN_SUGGESTION_SCORE = 0.6;
/** The typed query plus at most four alternatives. */
export const MAX_CANDIDATES = 5;
export const MAX_CORRECTABLE_LENGTH = 40;
/** A last word shorter than this is not completed: it would match half the index. */
export const MIN_COMPLETABLE_LENGTH = 4;
const ALTERNATIVES_PER_WORD = 3;
const BEAM_WIDTH = 10;

/**
 * A candidate as the engines execute it: `words` are its non-stop words, for any-word matching;
 * `prefix`, when set, is its last word, to be matched as the start of a longer word too.
 */
export interface PlannedCandidate extends CandidateTerm {
  words: string[];
  prefix: string | null;
}

/** `text` without its last word and what follows it: what a completion of that word extends. */
export function textBeforeLastWord(text: string): string {
  return text.replace(/[\p{L}\p{N}]+[^\p{L}\p{N}]*$/u, '');
}

/**
 * The score of the typed text with its last word completed: below the text as typed, above any
 * correction, so `levensh` finds `levenshtein` before the correction `levels` (for a last word
 * of `CONFIDENT_PREFIX_LENGTH` letters or more, or one without corrections).
 */
export const PREFIX_SCORE = 1;
/** From this length on, a last word is completed before it is corrected. */
export const CONFIDENT_PREFIX_LENGTH = 5;

/**
 * The last word of a query, when it is worth completing in a full search: a reader may press
 * Enter before finishing it. A word worth correcting of 4 letters or more (no stop word, no
 * number), so a short word does not match half the index, and not a word the
 * index holds as typed (`indexed`): that word was finished, and completing it too would
 * match (and rank, and recheck) every document holding a longer word it starts, tripling the
 * cost of a common two-word search for little gain.
 */
export function completablePrefix(
  words: readonly string[],
  indexed: ReadonlySet<string> | null,
): string | null {
  const last = words.at(-1);
  if (last === undefined || last.length < MIN_COMPLETABLE_LENGTH) return null;
  if (correctableWords([last]).length === 0) return null;
  return indexed?.has(last) ? null : last;
}

/** The query words worth asking a suggester about. */
export function correctableWords(words: readonly string[]): string[] {
  return [
    ...new Set(
      words.filter(
        (word) =>
          word.length >= SUGGESTER_POLICY.minWordLength &&
          word.length <= MAX_CORRECTABLE_LENGTH &&
          !/^\p{N}+$/u.test(word) &&
          !ENGLISH_STOP_WORDS.has(word),
      ),
    ),
  ];
}

interface Rewrite {
  replacements: Map<string, string>;
  score: number;
}

/** Rewrites `text` word by word, keeping everything between words as typed. */
function applyRewrite(text: string, replacements: ReadonlyMap<string, string>): string {
  return text.replace(WORD, (word) => replacements.get(word.toLowerCase()) ?? word);
}

/**
 * Spelling alternatives of the whole query: every word the suggester doubts is replaced by one
 * of its alternatives; a rewrite's score is the product of its replacements' scores (independent
 * corrections), so fixing two typos scores lower than fixing one. A beam keeps this bounded.
 */
function rewrites(
  words: readonly string[],
  suggestions: SuggestionsByWord,
  minScore = MIN_SUGGESTION_SCORE,
): Rewrite[] {
  let beam: Rewrite[] = [{ replacements: new Map(), score: 1 }];
  for (const word of new Set(words)) {
    const alternatives = (suggestions.get(word) ?? [])
      .filter((option) => option.score >= minScore && option.text !== word)
      .sort(compareCorrections(word))
      .slice(0, ALTERNATIVES_PER_WORD);
    if (alternatives.length === 0) continue;
    beam = beam
      .flatMap((rewrite) =>
        alternatives.map((option) => ({
          replacements: new Map([...rewrite.replacements, [word, option.text]]),
          score: rewrite.score * option.score,
        })),
      )
      .sort((a, b) => b.score - a.score)
      .slice(0, BEAM_WIDTH);
  }
  return beam.filter((rewrite) => rewrite.replacements.size > 0);
}

function nonStopWords(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).filter((word) => !ENGLISH_STOP_WORDS.has(word));
}

const round = (value: number): number => Math.round(value * 10_000) / 10_000;

/**
 * Step 1 and 2 of the query plan: the typed text (score 1.1), the typed text with `prefix` (its
 * last word) completed (score 1) when given, and up to four spelling alternatives
 * (score >= 0.6), best first, without duplicates; a 4-letter `prefix` is completed after the
 * alternatives instead, with score 0.6, when there are any. Candidate i of n with score s
 * weighs (n - i) * s, a title match twice that, a body match once.
 */
export function planCandidates(
  typedText: string,
  suggestions: SuggestionsByWord,
  prefix: string | null = null,
): PlannedCandidate[] {
  const words = typedText.toLowerCase().match(WORD) ?? [];
  const scored: {
    text: string;
    score: number;
    source: CandidateTerm['source'];
    prefix: string | null;
  }[] = [{ text: typedText, score: TYPED_SCORE, source: 'typed', prefix: null }];
  const completion = { text: typedText, score: PREFIX_SCORE, source: 'prefix' as const, prefix };
  const completeFirst = prefix !== null && prefix.length >= CONFIDENT_PREFIX_LENGTH;
  if (completeFirst) scored.push(completion);
  let alternatives = 0;
  const seen = new Set([typedText.toLowerCase()]);
  for (const rewrite of rewrites(words, suggestions)) {
    if (rewrite.score < MIN_SUGGESTION_SCORE || alternatives >= MAX_CANDIDATES - 1) continue;
    const text = applyRewrite(typedText, rewrite.replacements);
    if (seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    scored.push({ text, score: round(rewrite.score), source: 'suggester', prefix: null });
    alternatives++;
  }
  // A 4-letter word is more often a typo than the start of a longer word (`cros` for `cors`):
  // completed after its corrections, as the least of them.
  if (prefix !== null && !completeFirst)
    scored.push(alternatives > 0 ? { ...completion, score: MIN_SUGGESTION_SCORE } : completion);
  const n = scored.length;
  return scored.map((candidate, i) => {
    const weight = round((n - i) * candidate.score);
    return {
      ...candidate,
      weight,
      titleBoost: round(2 * weight),
      bodyBoost: weight,
      words: nonStopWords(candidate.text),
    };
  });
}

/** Weaker corrections are still worth offering as links when nothing matched at all. */
export const MIN_CLOSEST_SCORE = 0.5;

/**
 * For an empty result page: the closest spellings of the query that were not already searched,
 * best first, as whole queries a reader can follow.
 */
export function closestSuggestions(
  typedText: string,
  suggestions: SuggestionsByWord,
  searched: readonly CandidateTerm[],
  limit = 3,
): string[] {
  const words = typedText.toLowerCase().match(WORD) ?? [];
  const seen = new Set(searched.map((candidate) => candidate.text.toLowerCase()));
  const closest: string[] = [];
  for (const rewrite of rewrites(words, suggestions, MIN_CLOSEST_SCORE)) {
    const text = applyRewrite(typedText, rewrite.replacements);
    if (seen.has(text.toLowerCase()) || closest.length >= limit) continue;
    seen.add(text.toLowerCase());
    closest.push(text);
  }
  return closest;
}
