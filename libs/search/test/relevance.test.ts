import { describe, expect, it } from 'vitest';
import { openPglite, openPostgres } from './fixtures/databases.js';
import { demoContentEngine } from './fixtures/demo-engine.js';
import { measureRelevance } from './fixtures/measure-relevance.js';
import { RELEVANCE_CASES, RELEVANCE_POSTS } from './fixtures/relevance-queries.js';

/** The demo content through the PostgreSQL engine: the expected post in the top 3. */
describe.each([
  ['PGlite', openPglite],
  ['PostgreSQL 15', openPostgres],
])('relevance over the demo content (PostgreSQL engine on %s)', (_name, open) => {
  const demo = demoContentEngine(open, RELEVANCE_POSTS);

  it('has at least 40 cases, each naming posts that exist and are published', () => {
    expect(RELEVANCE_CASES.length).toBeGreaterThanOrEqual(40);
    const published = new Set(
      RELEVANCE_POSTS.filter((post) => post.status === 'PUBLISHED').map((post) => post.slug),
    );
    for (const testCase of RELEVANCE_CASES)
      for (const slug of testCase.expected) expect(published, slug).toContain(slug);
  });

  it('puts an expected post in the top 3 for every kind of query, at its threshold', async () => {
    const { failing } = await measureRelevance(demo.engine);
    expect(failing).toEqual([]);
  });

  it('never returns an empty page for a one-typo query of a word in the corpus', async () => {
    const oneTypo = RELEVANCE_CASES.filter((testCase) =>
      ['one typo', 'transposed', 'missing letter', 'extra letter', 'short word'].includes(
        testCase.kind,
      ),
    );
    for (const testCase of oneTypo) {
      const results = await demo.engine.search({ q: testCase.q });
      expect(results.total.value, testCase.q).toBeGreaterThan(0);
    }
  });
});
