import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresSearchEngine,
  type SearchEngine,
  SearchValidationError,
} from '../src/index.js';
import { openPglite, openPostgres, type TestDatabase } from './fixtures/databases.js';
import { NASTY_QUERIES } from './fixtures/nasty-queries.js';
import { smallCategories, smallPosts } from './fixtures/small-corpus.js';
import { demoDocuments, iterate } from './fixtures/to-documents.js';

const slugs = (results: { hits: { slug: string; kind: string }[] }): string[] =>
  results.hits.filter((hit) => hit.kind === 'post').map((hit) => hit.slug);

describe.each([
  ['PGlite', openPglite],
  ['PostgreSQL 15', openPostgres],
])('PostgreSQL engine on %s', (_name, open) => {
  let database: TestDatabase;
  let engine: SearchEngine;

  beforeAll(async () => {
    database = await open();
    engine = createPostgresSearchEngine(database.db);
    await engine.setup();
    await engine.setup();
    const progress = await engine.reindex(iterate(demoDocuments(smallPosts, smallCategories)));
    expect(progress).toEqual({ posts: 4, comments: 2 });
  });
  afterAll(() => database.close());

  it('corrects a typo at once and keeps the post that really contains the typed word first', async () => {
    const results = await engine.search({ q: 'firefix' });
    expect(slugs(results)[0]).toBe('firefix-the-typo-post');
    expect(slugs(results)).toContain('profiling-pages-in-firefox');
    expect(results.terms).toEqual({
      typed: 'firefix',
      used: ['firefix', 'firefox'],
      correctedTo: null,
    });
  });

  it('fixes two misspelled words and says which terms it used', async () => {
    const results = await engine.search({ q: 'postgress replicaton', debug: true });
    expect(slugs(results)).toEqual(['postgresql-streaming-replication']);
    expect(results.terms.correctedTo).toBe('postgresql replication');
    expect(results.debug?.candidates.map((c) => [c.text, c.source])).toEqual([
      ['postgress replicaton', 'typed'],
      ['postgresql replication', 'suggester'],
    ]);
    expect(results.debug?.strategiesTried).toEqual(['phrase', 'any-word']);
  });

  it('finds short words with a transposition', async () => {
    const results = await engine.search({ q: 'tokoi' });
    expect(slugs(results)).toEqual(['tokio-channels']);
  });

  it('ranks a title phrase match above a body-only match', async () => {
    const results = await engine.search({ q: 'firefox profiler' });
    expect(slugs(results)[0]).toBe('profiling-pages-in-firefox');
    expect(results.hits[0]?.snippet).toContain('<mark>Firefox</mark>');
  });

  it('returns post fields and an escaped, highlighted snippet', async () => {
    const results = await engine.search({ q: 'replication slot' });
    expect(results.hits[0]).toMatchObject({
      kind: 'post',
      id: 1,
      slug: 'postgresql-streaming-replication',
      title: 'Setting up PostgreSQL streaming replication',
      publishedAt: '2024-03-01T10:00:00.000Z',
      categories: [{ slug: 'postgresql', name: 'PostgreSQL' }],
    });
    expect(results.hits[0]?.snippet).toContain('<mark>replication</mark>');
    expect(results.hits[0]?.snippet).toContain('pg_create_physical_');
    expect(results.hits[0]?.snippet).toContain('(&#39;standby1');
  });

  it('blends approved comments in as "Comment on" results when posts are few', async () => {
    const results = await engine.search({ q: 'logical decoding' });
    expect(results.hits).toEqual([
      expect.objectContaining({
        kind: 'comment',
        title: 'Comment on Setting up PostgreSQL streaming replication',
        postId: 1,
      }),
    ]);
    expect(results.total).toBe(1);
  });

  it('never indexes unapproved comments or drafts', async () => {
    const results = await engine.search({ q: 'spam nobody approved' });
    expect(results.total).toBe(0);
    const drafts = await engine.search({ q: 'unfinished notes' });
    expect(drafts.total).toBe(0);
  });

  it('filters by a category given inside q or as a parameter', async () => {
    const inQuery = await engine.search({ q: 'firefox category:postgresql' });
    expect(inQuery.category).toBe('postgresql');
    expect(inQuery.total).toBe(0);
    const asParam = await engine.search({ q: 'firefox', category: 'browsers' });
    expect(slugs(asParam)).toEqual(['profiling-pages-in-firefox']);
    expect(asParam.hits.every((hit) => hit.kind === 'post')).toBe(true);
  });

  it('pages through results', async () => {
    const first = await engine.search({ q: 'firefox', pageSize: 1 });
    const second = await engine.search({ q: 'firefox', pageSize: 1, page: 2 });
    const beyond = await engine.search({ q: 'firefox', pageSize: 1, page: 9 });
    expect(first.hits).toHaveLength(1);
    expect(second.hits).toHaveLength(1);
    expect(second.hits[0]?.id).not.toBe(first.hits[0]?.id);
    expect(beyond.hits).toEqual([]);
    expect(beyond.total).toBe(first.total);
  });

  it('keeps the lexicon current on index and remove', async () => {
    await engine.indexPost({
      id: 50,
      slug: 'kubernetes-operators',
      title: 'Writing Kubernetes operators',
      body: 'Reconcile loops.',
      summary: '',
      categories: [],
      publishedAt: '2025-01-01T00:00:00Z',
    });
    expect(slugs(await engine.search({ q: 'kubernetis' }))).toEqual(['kubernetes-operators']);
    await engine.removePost(50);
    const gone = await engine.search({ q: 'kubernetis', debug: true });
    expect(gone.total).toBe(0);
    expect(gone.debug?.candidates).toHaveLength(1);
  });

  it('removes a post together with its comments, and a single comment', async () => {
    await engine.indexComment({
      id: 77,
      postId: 3,
      postSlug: 'tokio-channels',
      postTitle: 'Async Rust with tokio channels',
      body: 'Crossbeam is worth a look.',
    });
    expect((await engine.search({ q: 'crossbeam' })).total).toBe(1);
    await engine.removeComment(77);
    expect((await engine.search({ q: 'crossbeam' })).total).toBe(0);
    await engine.indexComment({
      id: 78,
      postId: 3,
      postSlug: 'tokio-channels',
      postTitle: 'Async Rust with tokio channels',
      body: 'Crossbeam again.',
    });
    await engine.removePost(3);
    expect((await engine.search({ q: 'crossbeam' })).total).toBe(0);
    expect((await engine.health()).posts).toBe(3);
  });

  it('validates q with a typed error naming the field', async () => {
    await expect(engine.search({ q: '   ' })).rejects.toMatchObject({
      name: 'SearchValidationError',
      field: 'q',
    });
    await expect(engine.search({ q: 'x'.repeat(201) })).rejects.toBeInstanceOf(
      SearchValidationError,
    );
  });

  it('searches every nasty input as text, never failing', async () => {
    for (const q of NASTY_QUERIES) {
      const results = await engine.search({ q });
      expect(results.total, q).toBeGreaterThanOrEqual(0);
    }
    expect(
      slugs(await engine.search({ q: '"firefox" OR 1=1; DROP TABLE search_document; --' })),
    ).toContain('profiling-pages-in-firefox');
  });

  it('reindexes into a new generation and reports health', async () => {
    await engine.reindex(iterate(demoDocuments(smallPosts, smallCategories)));
    expect(await engine.health()).toEqual({ engine: 'postgres', ok: true, posts: 4, comments: 2 });
    expect(slugs(await engine.search({ q: 'tokio' }))).toEqual(['tokio-channels']);
  });
});
