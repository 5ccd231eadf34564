import {
  orderCorrections,
  type SpellingLookup,
  type TermSuggestion,
  tiesToWeigh,
} from '../query/candidates.js';
import { editDistance, spellingScore } from '../text/edit-distance.js';
import { editVariants } from '../text/edit-variants.js';
import { mayCorrect, SUGGESTER_POLICY } from '../query/suggester-policy.js';
import { ACTIVE_GENERATION, TITLE_WORDS_SQL } from './schema.js';
import { lexiconVersionColumns, type LexiconWordCache } from './lexicon-words.js';
import { type SqlClient } from './sql-client.js';

interface LexiconRow {
  typed: string;
  word: string;
  doc_count: number;
}

/** A lookup whose variants were filtered by a stale word list is made again, at most so often. */
const FILTERED_ATTEMPTS = 2;

/**
 * Looks candidates up two ways: trigram similarity (index-backed `%`) catches most typos in
 * longer words; one-edit variants by primary key catch short words, where one transposition
 * leaves too few shared trigrams. Scores come from edit distance, as in Elasticsearch.
 * Of the variants, only those the lexicon holds as words (`lexicon`, kept in this process and
 * checked against the version the statement sees) are sent: a few instead of ~500 a word,
 * whose array and probes were most of the lookup's cost.
 * Words and variants arrive as arrays for `unnest`, whose row count the planner reads from the
 * array itself, so it never prices the statement high enough for PostgreSQL to JIT-compile it
 * (~200 ms). Each variant is one primary-key probe: a hash join would read the whole lexicon
 * for ~500 variants a word. `OFFSET 0` keeps the LATERAL subquery from being flattened into
 * such a join (a LIMIT would too, but would price a scan that stops at the first hit as cheap).
 */
export async function suggestFromLexicon(
  db: SqlClient,
  lexicon: LexiconWordCache,
  words: readonly string[],
): Promise<SpellingLookup> {
  const variants = words.flatMap((typed) => editVariants(typed).map((word) => ({ typed, word })));
  let found: LexiconRow[] | null = null;
  for (let attempt = 0; found === null; attempt++) {
    const held = attempt < FILTERED_ATTEMPTS ? lexicon.held : null;
    const probed = held === null ? variants : variants.filter(({ word }) => held.words.has(word));
    const { rows } = await db.query(
      `SELECT l.typed, l.word, l.doc_count, NULL AS lexicon_version, NULL::text[] AS lexicon_words
       FROM (
         SELECT typed.typed, t.word, t.doc_count
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
         ) t
       ) l
       UNION ALL SELECT NULL, NULL, NULL, ${lexiconVersionColumns('$4::text')}`,
      [
        words,
        probed.map((variant) => variant.typed),
        probed.map((variant) => variant.word),
        held?.version ?? null,
      ],
    );
    const version = rows.find((row) => row.lexicon_version !== null)!;
    const read = (version.lexicon_words ?? null) as string[] | null;
    if (lexicon.settle(held, String(version.lexicon_version), read))
      found = (rows as unknown as LexiconRow[]).filter((row) => row.word !== null);
  }
  // The typed word itself is found by both lookups (similarity 1, and as its own variant).
  const indexed = new Set(found.filter((row) => row.word === row.typed).map((row) => row.typed));
  const options = policyOptions(words, found);
  await weighTies(db, options, indexed);
  return { suggestions: orderCorrections(options, SUGGESTER_POLICY.size), indexed };
}

/** The lexicon rows found for each typed word that pass the suggester policy, unordered. */
function policyOptions(
  words: readonly string[],
  rows: readonly LexiconRow[],
): Map<string, TermSuggestion[]> {
  const suggestions = new Map<string, TermSuggestion[]>();
  for (const typed of words) {
    const found = rows.filter((row) => row.typed === typed);
    const typedFreq = found.find((row) => row.word === typed)?.doc_count ?? 0;
    if (!mayCorrect(typed, typedFreq)) continue;
    const options = found
      .filter((row) => row.word !== typed && row.doc_count > typedFreq)
      .filter((row) => editDistance(typed, row.word) <= SUGGESTER_POLICY.maxEdits)
      .map((row) => ({
        text: row.word,
        score: spellingScore(typed, row.word),
        freq: row.doc_count,
      }))
      .filter((option) => option.score >= SUGGESTER_POLICY.accuracy);
    if (options.length > 0) suggestions.set(typed, options);
  }
  return suggestions;
}

/**
 * For the alternatives tied at the best score of their word (`tiesToWeigh`), whether a post
 * title holds them, and whether a document holds them with the query's other words that the
 * index knows. Each check is an index scan that stops at the first document found, in a
 * subquery kept apart by `OFFSET 0` with the generation checked after it (ADR 0008): the
 * titles' unstemmed-word GIN index, and the word index, which answers `&` without a recheck.
 */
async function weighTies(
  db: SqlClient,
  options: ReadonlyMap<string, TermSuggestion[]>,
  indexed: ReadonlySet<string>,
): Promise<void> {
  const tied = tiesToWeigh(options, indexed);
  if (tied.length === 0) return;
  const { rows } = await db.query(
    `SELECT x.i,
       EXISTS (SELECT 1 FROM (
         SELECT d.generation, d.kind FROM search_document d
         WHERE ${TITLE_WORDS_SQL('d.kind', 'd.title')} @@ plainto_tsquery('simple', x.word) OFFSET 0
       ) t WHERE t.generation = ${ACTIVE_GENERATION} AND t.kind = 'post') AS in_title,
       CASE WHEN x.context = '' THEN false ELSE EXISTS (SELECT 1 FROM (
         SELECT d.generation FROM search_document d
         WHERE d.vec @@ (plainto_tsquery('english', x.word) && plainto_tsquery('english', x.context)) OFFSET 0
       ) t WHERE t.generation = ${ACTIVE_GENERATION}) END AS with_context
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS x(word, context, i)`,
    [tied.map(({ option }) => option.text), tied.map(({ context }) => context.join(' '))],
  );
  for (const row of rows) {
    const { option } = tied[Number(row.i) - 1]!;
    option.inTitle = row.in_title === true;
    option.withContext = row.with_context === true;
  }
}
