import {
  type SpellingLookup,
  type SuggestionsByWord,
  type TermSuggestion,
} from '../query/candidates.js';
import { editDistance, spellingScore } from '../text/edit-distance.js';
import { editVariants } from '../text/edit-variants.js';
import { SUGGESTER_POLICY } from '../query/suggester-policy.js';
import { ACTIVE_GENERATION } from './schema.js';
import { type SqlClient } from './sql-client.js';

interface LexiconRow {
  typed: string;
  word: string;
  doc_count: number;
}

/**
 * Looks candidates up two ways: trigram similarity (index-backed `%`) catches most typos in
 * longer words; one-edit variants by primary key catch short words, where one transposition
 * leaves too few shared trigrams. Scores come from edit distance, as in Elasticsearch.
 * Words and variants arrive as arrays for `unnest`, whose row count the planner reads from the
 * array itself, so it never prices the statement high enough for PostgreSQL to JIT-compile it
 * (~200 ms). Each variant is one primary-key probe: a hash join would read the whole lexicon
 * for ~500 variants a word. `OFFSET 0` keeps the LATERAL subquery from being flattened into
 * such a join (a LIMIT would too, but would price a scan that stops at the first hit as cheap).
 */
export async function suggestFromLexicon(
  db: SqlClient,
  words: readonly string[],
): Promise<SpellingLookup> {
  const variants = words.flatMap((typed) => editVariants(typed).map((word) => ({ typed, word })));
  const { rows } = await db.query(
    `SELECT typed.typed, t.word, t.doc_count
     FROM unnest($1::text[]) AS typed(typed) CROSS JOIN LATERAL (
       SELECT word, doc_count FROM search_term
       WHERE generation = ${ACTIVE_GENERATION} AND doc_count > 0 AND word % typed.typed
       ORDER BY similarity(word, typed.typed) DESC LIMIT 30
     ) t
     UNION
     SELECT v.typed, t.word, t.doc_count
     FROM unnest($2::text[], $3::text[]) AS v(typed, word) CROSS JOIN LATERAL (
       SELECT word, doc_count FROM search_term
       WHERE generation = ${ACTIVE_GENERATION} AND word = v.word AND doc_count > 0 OFFSET 0
     ) t`,
    [words, variants.map((variant) => variant.typed), variants.map((variant) => variant.word)],
  );
  const found = rows as unknown as LexiconRow[];
  return {
    suggestions: rankSuggestions(words, found),
    // The typed word itself is found by both lookups (similarity 1, and as its own variant).
    indexed: new Set(found.filter((row) => row.word === row.typed).map((row) => row.typed)),
  };
}

/** Applies the suggester policy to the lexicon rows found for each typed word. */
export function rankSuggestions(
  words: readonly string[],
  rows: readonly LexiconRow[],
): SuggestionsByWord {
  const suggestions = new Map<string, TermSuggestion[]>();
  for (const typed of words) {
    const found = rows.filter((row) => row.typed === typed);
    const typedFreq = found.find((row) => row.word === typed)?.doc_count ?? 0;
    if (typedFreq > SUGGESTER_POLICY.maxTypedDocFreq) continue;
    const options = found
      .filter((row) => row.word !== typed && row.doc_count > typedFreq)
      .filter((row) => editDistance(typed, row.word) <= SUGGESTER_POLICY.maxEdits)
      .map((row) => ({
        text: row.word,
        score: spellingScore(typed, row.word),
        freq: row.doc_count,
      }))
      .filter((option) => option.score >= SUGGESTER_POLICY.accuracy)
      .sort((a, b) => b.score - a.score || b.freq - a.freq)
      .slice(0, SUGGESTER_POLICY.size);
    if (options.length > 0) suggestions.set(typed, options);
  }
  return suggestions;
}
