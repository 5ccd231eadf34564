import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresSearchEngine,
  type IndexableDocument,
  type PostDocument,
  type SearchEngine,
  type SqlClient,
} from '../src/index.js';
import { editVariants } from '../src/text/edit-variants.js';
import { openPglite, openPostgres, type TestDatabase } from './fixtures/databases.js';
import { iterate } from './fixtures/to-documents.js';

const post = (id: number, slug: string, title: string, body: string): PostDocument => ({
  id,
  slug,
  title,
  body,
  summary: '',
  categories: [],
  publishedAt: `2024-02-${String(id).padStart(2, '0')}T10:00:00Z`,
});

const asDocument = (doc: PostDocument): IndexableDocument => ({ kind: 'post', ...doc });
const CORPUS = [
  post(1, 'pools', 'Connection pools', 'Sizing a pool for the primary.'),
  post(2, 'vacuum', 'Vacuum and bloat', 'Autovacuum keeps the tables lean.'),
];
// `rsut` shares one trigram with `rust`: only its one-edit variants find the word.
const RUST = post(3, 'rust', 'Ownership in rust', 'The borrow checker.');

/** Every spelling lookup's one-edit variants, as sent (its third parameter). */
function recordVariants(db: SqlClient, sent: string[][]): SqlClient {
  return {
    query: (text, params) => {
      if (text.includes('AS v(typed, word)')) sent.push(params![2] as string[]);
      return db.query(text, params);
    },
  };
}

describe.each([
  ['PGlite', openPglite],
  ['PostgreSQL 15', openPostgres],
])('the lexicon words a process keeps (%s)', (_name, open) => {
  let database: TestDatabase;
  let sent: string[][];
  /** The engine of this process, and the writer in another one (its own word cache). */
  let reader: SearchEngine;
  let writer: SearchEngine;

  beforeAll(async () => {
    database = await open();
    sent = [];
    reader = createPostgresSearchEngine(recordVariants(database.db, sent));
    writer = createPostgresSearchEngine(database.db);
    await writer.setup();
    await writer.reindex(iterate(CORPUS.map(asDocument)));
  });
  afterAll(() => database.close());

  const correction = async (q: string): Promise<string | null> =>
    (await reader.search({ q })).terms.correctedTo;

  it('asks the database only about the variants that are words of the lexicon', async () => {
    await reader.search({ q: 'vacuun' });
    sent.length = 0;
    expect(await correction('vacuun')).toBe('vacuum');
    expect(sent).toEqual([['vacuum']]);
    expect(editVariants('vacuun').length).toBeGreaterThan(200);
  });

  it('corrects to a word another process added after this one read the lexicon', async () => {
    expect(await correction('rsut')).toBeNull();
    await writer.indexPost(RUST);
    expect(await correction('rsut')).toBe('rust');
  });

  it('keeps a word whose posts were deleted, and corrects to it once a post holds it again', async () => {
    await writer.removePost(RUST.id);
    expect(await correction('rsut')).toBeNull();
    // The word's row is counted up again, not inserted: the lexicon gained no word.
    const version = await database.db.query('SELECT lexicon_words FROM search_state');
    await writer.indexPost(RUST);
    expect(await database.db.query('SELECT lexicon_words FROM search_state')).toEqual(version);
    expect(await correction('rsut')).toBe('rust');
  });

  it('reads the words of a new generation after a reindex', async () => {
    await writer.reindex(iterate(CORPUS.map(asDocument)));
    expect(await correction('rsut')).toBeNull();
    await writer.reindex(iterate([...CORPUS, RUST].map(asDocument)));
    expect(await correction('rsut')).toBe('rust');
  });
});
