import { demoPosts } from '@inkwell/prisma/demo-content';
import { describe, expect, it } from 'vitest';
import { createPostgresSearchEngine, SearchValidationError } from '../src/index.js';
import { openPglite, openPostgres } from './fixtures/databases.js';
import { demoContentEngine } from './fixtures/demo-engine.js';

/** Posts of the demo content whose text holds the word `levenshtein`. */
const LEVENSHTEIN_POSTS = demoPosts
  .filter((post) => post.status === 'PUBLISHED' && /levenshtein/iu.test(post.body))
  .map((post) => post.slug);
const ABORT_CONTROLLER_POST = 'cancelling-fetch-requests-with-abortcontroller';

describe.each([
  ['PGlite', openPglite],
  ['PostgreSQL 15', openPostgres],
])('prefixes on the PostgreSQL engine on %s', (_name, open) => {
  const demo = demoContentEngine(open);

  it('a search for the start of a word finds the posts holding the whole word first', async () => {
    expect(LEVENSHTEIN_POSTS.length).toBeGreaterThan(0);
    const levensh = await demo.engine.search({ q: 'levensh' });
    expect(LEVENSHTEIN_POSTS).toContain(levensh.hits[0]?.slug);
    expect(levensh.hits[0]?.snippet).toMatch(/<mark>levenshtein<\/mark>/iu);
    expect(levensh.terms.correctedTo).toBeNull();

    const abort = await demo.engine.search({ q: 'abortcontr' });
    expect(abort.hits[0]?.slug).toBe(ABORT_CONTROLLER_POST);
    const cancel = await demo.engine.search({ q: 'cancel fetch abortcontr' });
    expect(cancel.hits[0]?.slug).toBe(ABORT_CONTROLLER_POST);
  });

  it('leaves a finished word alone: a word the index holds is not completed', async () => {
    const finished = await demo.engine.search({ q: 'abortcontroller', debug: true });
    expect(finished.debug?.candidates.map((candidate) => candidate.source)).toEqual(['typed']);
    const unfinished = await demo.engine.search({ q: 'abortcontro', debug: true });
    expect(unfinished.debug?.candidates.map((candidate) => candidate.source)).toContain('prefix');
  });

  it('completes the last word from titles first, then from every indexed word', async () => {
    const results = await demo.engine.suggest({ q: 'fetch abortcon' });
    expect(results.q).toBe('fetch abortcon');
    expect(results.completions[0]).toEqual({
      word: 'abortcontroller',
      query: 'fetch abortcontroller',
    });
    expect(results.posts).toEqual([
      {
        slug: ABORT_CONTROLLER_POST,
        title: 'Cancelling fetch requests with AbortController and AbortSignal.timeout',
      },
    ]);

    const levensh = await demo.engine.suggest({ q: 'Levensh' });
    expect(levensh.completions).toEqual([{ word: 'levenshtein', query: 'levenshtein' }]);
    expect(levensh.posts).toEqual([]);
  });

  it('ranks title words above more frequent body words', async () => {
    const titleWords = new Set(
      demoPosts
        .filter((post) => post.status === 'PUBLISHED')
        .flatMap((post) => post.title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
        .filter((word) => word.startsWith('repl')),
    );
    const results = await demo.engine.suggest({ q: 'repl' });
    const words = results.completions.map((completion) => completion.word);
    expect(titleWords.size).toBeGreaterThan(0);
    expect(words.length).toBeGreaterThan(titleWords.size);
    expect(new Set(words.slice(0, titleWords.size))).toEqual(titleWords);
    expect(results.posts.length).toBeGreaterThan(0);
    for (const post of results.posts) expect(post.title).toMatch(/\brepl/iu);
  });

  it('asks the database one statement per suggestion, with or without whole words first', async () => {
    const statements: string[] = [];
    const counted = createPostgresSearchEngine({
      query: (text, params) => {
        statements.push(text);
        return demo.db.query(text, params);
      },
    });
    for (const q of ['repl', 'fetch abortcon', 'fetch ']) {
      statements.length = 0;
      expect(await counted.suggest({ q })).toEqual(await demo.engine.suggest({ q }));
      expect(statements).toHaveLength(1);
    }
  });

  it('suggests posts only once the last word is finished or too short', async () => {
    const finished = await demo.engine.suggest({ q: 'fetch ' });
    expect(finished.completions).toEqual([]);
    expect(finished.posts.map((post) => post.slug)).toContain(ABORT_CONTROLLER_POST);
    expect(await demo.engine.suggest({ q: 'a' })).toEqual({ q: 'a', completions: [], posts: [] });
    expect((await demo.engine.suggest({ q: '\'" %_*:& |' })).completions).toEqual([]);
  });

  it('refuses an empty or too long query, naming q', async () => {
    for (const q of ['', '   ', 'x'.repeat(101)]) {
      const refused = demo.engine.suggest({ q });
      await expect(refused).rejects.toBeInstanceOf(SearchValidationError);
      await expect(refused).rejects.toMatchObject({ field: 'q' });
    }
  });

  it('completes words written after the index was built', async () => {
    await demo.engine.indexPost({
      id: 9_999,
      slug: 'zymurgy-for-programmers',
      title: 'Zymurgy for programmers',
      summary: '',
      body: 'Brewing as a build pipeline.',
      categories: [],
      publishedAt: '2026-12-01T10:00:00Z',
    });
    const results = await demo.engine.suggest({ q: 'zymu' });
    expect(results.completions).toEqual([{ word: 'zymurgy', query: 'zymurgy' }]);
    expect(results.posts).toEqual([
      { slug: 'zymurgy-for-programmers', title: 'Zymurgy for programmers' },
    ]);
    await demo.engine.removePost(9_999);
    expect(await demo.engine.suggest({ q: 'zymu' })).toEqual({
      q: 'zymu',
      completions: [],
      posts: [],
    });
  });
});
