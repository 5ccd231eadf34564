import { type SqlClient } from './sql-client.js';

/**
 * The lexicon of a reindex (`search_term`: how many documents hold each word), counted as the
 * documents are sent: the words are at hand then, where counting them afterwards read every
 * row's `words` back from the new table (~5 s of PGlite's CPU at 10,000 long posts).
 */
export class LexiconCounts {
  private readonly counts = new Map<string, number>();

  add(words: readonly string[]): void {
    for (const word of words) this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
  }

  /** Writes the counts as `generation`'s lexicon, in one statement. */
  async insert(db: SqlClient, generation: number): Promise<void> {
    await db.query(
      `INSERT INTO search_term (generation, word, doc_count)
       SELECT $1::int, word, doc_count FROM unnest($2::text[], $3::int[]) AS t(word, doc_count)`,
      [generation, [...this.counts.keys()], [...this.counts.values()]],
    );
  }
}
