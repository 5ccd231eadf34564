import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresSearchEngine, type SearchEngine } from '../src/index.js';
import { openPglite, openPostgres, type TestDatabase } from './fixtures/databases.js';
import { syntheticPosts, type SyntheticPost } from './fixtures/synthetic-blog.js';
import { iterate } from './fixtures/to-documents.js';

/** What a suggestion must offer: the newest five titles with a word starting with `prefix`. */
function newestTitlesWith(posts: readonly SyntheticPost[], prefix: string): string[] {
  return posts
    .filter((post) => post.title.split(' ').some((word) => word.startsWith(prefix)))
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.id - a.id)
    .slice(0, 5)
    .map((post) => post.slug);
}

const suggestedSlugs = async (engine: SearchEngine, q: string): Promise<string[]> =>
  (await engine.suggest({ q })).posts.map((post) => post.slug);

/** Prefixes of 2 to 9 letters of the words of the corpus' titles, so that each finds posts. */
function titlePrefixes(posts: readonly SyntheticPost[]): string[] {
  const words = [...new Set(posts.flatMap((post) => post.title.split(' ')))].sort();
  return words.flatMap((word, i) => word.slice(0, 2 + (i % 8))).filter((_, i) => i % 5 === 0);
}

describe.each([
  ['PGlite', openPglite],
  ['PostgreSQL 15', openPostgres],
])('suggested posts by title prefix on %s', (_name, open) => {
  let database: TestDatabase;
  let engine: SearchEngine;
  // Out of date order, so that the index's order is not the insertion order.
  const posts = [...syntheticPosts(200, 12, 20261206)].reverse();
  beforeAll(async () => {
    database = await open();
    engine = createPostgresSearchEngine(database.db);
    await engine.setup();
    await engine.reindex(iterate(posts.map((post) => ({ kind: 'post' as const, ...post }))));
    // A new PGlite database runs initdb first: minutes on a 2-core machine other jobs load.
  }, 180_000);
  afterAll(() => database.close());

  it('offers the newest posts whose titles hold a word with the prefix, short or long', async () => {
    const prefixes = titlePrefixes(posts);
    expect(prefixes.some((prefix) => prefix.length === 2)).toBe(true);
    expect(prefixes.some((prefix) => prefix.length > 4)).toBe(true);
    for (const prefix of prefixes) {
      expect(await suggestedSlugs(engine, prefix), prefix).toEqual(newestTitlesWith(posts, prefix));
    }
  });

  it('follows saved, retitled and removed posts without a reindex', async () => {
    const [first, second] = posts as [SyntheticPost, SyntheticPost];
    expect(newestTitlesWith(posts, 'zq')).toEqual([]);
    await engine.indexPost({
      ...first,
      title: 'Zqueue primer',
      publishedAt: '2030-01-01T00:00:00Z',
    });
    await engine.indexPost({
      ...second,
      title: 'Zqueue tuning',
      publishedAt: '2030-01-02T00:00:00Z',
    });
    expect(await suggestedSlugs(engine, 'zq')).toEqual([second.slug, first.slug]);
    expect(await suggestedSlugs(engine, 'zqueue')).toEqual([second.slug, first.slug]);

    await engine.indexPost({
      ...second,
      title: 'Unrelated title',
      publishedAt: '2030-01-02T00:00:00Z',
    });
    expect(await suggestedSlugs(engine, 'zq')).toEqual([first.slug]);
    await engine.removePost(first.id);
    expect(await suggestedSlugs(engine, 'zq')).toEqual([]);
    expect(await suggestedSlugs(engine, 'unrel')).toEqual([second.slug]);
  });
});
