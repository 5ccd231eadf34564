import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresSearchEngine,
  type IndexableDocument,
  type SearchEngine,
} from '../src/index.js';
import { openPglite, openPostgres, type TestDatabase } from './fixtures/databases.js';
import { iterate } from './fixtures/to-documents.js';

let nextId = 1;
const post = (slug: string, title: string, body: string): IndexableDocument => ({
  kind: 'post',
  id: nextId++,
  slug,
  title,
  body,
  summary: '',
  categories: [],
  publishedAt: `2024-01-${String(nextId).padStart(2, '0')}T10:00:00Z`,
});
const many = (count: number, make: (i: number) => IndexableDocument): IndexableDocument[] =>
  Array.from({ length: count }, (_, i) => make(i));

/**
 * A blog where the meant word is the rarer of equally close ones (`cors` beside many `cross`
 * and `pros`, `delayed` beside many `deleted`), with short names and identifiers of each shape.
 */
const CORPUS: IndexableDocument[] = [
  ...many(10, (i) => post(`cross-${i}`, `Toolchains ${i}`, 'A cross toolchain.')),
  ...many(10, (i) => post(`pros-${i}`, `Tools ${i}`, 'The pros first.')),
  post('cors-headers', 'CORS headers for an API', 'Access-Control-Allow-Origin answers.'),
  ...many(8, (i) => post(`backups-${i}`, `Backups ${i}`, 'Restoring deleted rows.')),
  post('delayed-jobs', 'Delayed jobs with backoff', 'Jobs retried later.'),
  post('ajv', 'Validating input with ajv', 'Compile the schema once, with ajv-formats.'),
  ...many(3, (i) => post(`css-${i}`, `Layout ${i}`, 'CSS grid areas.')),
  post('cms', 'Choosing a blog engine', 'A headless cms or static files.'),
  post(
    'widgets',
    'Publishing @acme/widgets to npm',
    'Scoped packages, highlight.js themes, the useEffect hook and the author_email column.',
  ),
];

const slugs = (results: { hits: { slug: string }[] }): string[] =>
  results.hits.map((hit) => hit.slug);

describe.each([
  ['PGlite', openPglite],
  ['PostgreSQL 15', openPostgres],
])('corrections and identifiers on the PostgreSQL engine (%s)', (_name, open) => {
  let database: TestDatabase;
  let engine: SearchEngine;

  beforeAll(async () => {
    database = await open();
    engine = createPostgresSearchEngine(database.db);
    await engine.setup();
    await engine.reindex(iterate(CORPUS));
  });
  afterAll(() => database.close());

  it('corrects an unknown 3-letter word by one edit', async () => {
    const ajb = await engine.search({ q: 'ajb' });
    expect(slugs(ajb)[0]).toBe('ajv');
    expect(ajb.terms.correctedTo).toBe('ajv');
    expect(slugs(await engine.search({ q: 'qss' }))).toContain('css-0');
  });

  it('keeps a 3-letter word the index holds, however rare', async () => {
    const results = await engine.search({ q: 'cms', debug: true });
    expect(slugs(results)).toEqual(['cms']);
    expect(results.debug?.candidates.map((candidate) => candidate.text)).toEqual(['cms']);
  });

  it('prefers, among equally close corrections, the word of a title to more common ones', async () => {
    // cross, pros and cors are each one edit from cros; cross and pros are in 10 posts each.
    const results = await engine.search({ q: 'cros', debug: true });
    expect(results.debug?.suggestions.cros?.[0]?.text).toBe('cors');
    expect(slugs(results)[0]).toBe('cors-headers');
    expect(results.terms.used[0]).toBe('cors');
  });

  it('prefers a word of a post title to a more common word, though the typo is a neighbouring key', async () => {
    const results = await engine.search({ q: 'deleyed' });
    expect(slugs(results)[0]).toBe('delayed-jobs');
    expect(results.terms.correctedTo).toBe('delayed');
  });

  it('prefers the correction found with the query’s other words, before titles', async () => {
    const first = async (q: string): Promise<string | undefined> =>
      (await engine.search({ q, debug: true })).debug?.suggestions.deleyed?.[0]?.text;
    expect(await first('deleyed')).toBe('delayed');
    expect(await first('deleyed rows')).toBe('deleted');
    expect(await first('deleyed jobs')).toBe('delayed');
    expect((await engine.search({ q: 'deleyed rows' })).terms.correctedTo).toBe('deleted rows');
  });

  it('finds an identifier whole and by each part', async () => {
    for (const q of [
      'widgets',
      '@acme/widgets',
      'acme widgets',
      'acmewidgets',
      'highlight.js',
      'highlightjs',
      'highlight',
      'effect',
      'use effect',
      'useEffect',
      'author_email',
      'authoremail',
    ])
      expect(slugs(await engine.search({ q })), q).toContain('widgets');
    expect(slugs(await engine.search({ q: 'formats' }))).toEqual(['ajv']);
  });

  it('finds what the lexicon corrects a part of an identifier to', async () => {
    const results = await engine.search({ q: 'widgest' });
    expect(results.terms.correctedTo).toBe('widgets');
    expect(slugs(results)).toEqual(['widgets']);
  });
});
