import { demoCategories, demoPosts } from '@inkwell/prisma/demo-content';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresSearchEngine, type SearchEngine } from '../src/index.js';
import { openPglite, openPostgres, type TestDatabase } from './fixtures/databases.js';
import { measureRelevance } from './fixtures/measure-relevance.js';
import { RELEVANCE_CASES } from './fixtures/relevance-queries.js';
import { demoDocuments, iterate } from './fixtures/to-documents.js';

/** The demo content through the PostgreSQL engine: the expected post in the top 3. */
describe.each([
  ['PGlite', openPglite],
  ['PostgreSQL 15', openPostgres],
])('relevance over the demo content (PostgreSQL engine on %s)', (_name, open) => {
  let database: TestDatabase;
  let engine: SearchEngine;

  beforeAll(async () => {
    database = await open();
    engine = createPostgresSearchEngine(database.db);
    await engine.setup();
    await engine.reindex(iterate(demoDocuments(demoPosts, demoCategories)));
  });
  afterAll(() => database.close());

  it('has at least 40 cases, each naming posts that exist and are published', () => {
    expect(RELEVANCE_CASES.length).toBeGreaterThanOrEqual(40);
    const published = new Set(
      demoPosts.filter((post) => post.status === 'PUBLISHED').map((post) => post.slug),
    );
    for (const testCase of RELEVANCE_CASES)
      for (const slug of testCase.expected) expect(published, slug).toContain(slug);
  });

  it('puts an expected post in the top 3 for every query', async () => {
    const { misses } = await measureRelevance(engine);
    expect(misses).toEqual([]);
  });

  it('never returns an empty page for a one-typo query of a word in the corpus', async () => {
    const oneTypo = RELEVANCE_CASES.filter((testCase) =>
      ['one typo', 'transposed', 'missing letter', 'extra letter'].includes(testCase.kind),
    );
    for (const testCase of oneTypo) {
      const results = await engine.search({ q: testCase.q });
      expect(results.total, testCase.q).toBeGreaterThan(0);
    }
  });
});
