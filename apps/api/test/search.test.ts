import { type DemoPost } from '@inkwell/prisma';
import { formRenderedAt } from './fixtures.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { engineKinds, startTestApi, type TestApi } from './test-api.js';

const posts: DemoPost[] = [
  {
    slug: 'firefox-profiler',
    title: 'Profiling page loads with the Firefox Profiler',
    summary: 'Where the time goes.',
    body: 'The Firefox Profiler records call stacks while a page loads.',
    categories: ['browsers'],
    status: 'PUBLISHED',
    publishedAt: '2026-01-02T10:00:00.000Z',
    comments: [],
  },
  {
    slug: 'streaming-replication',
    title: 'PostgreSQL streaming replication',
    summary: 'A primary and a standby.',
    body: 'Streaming replication ships the write-ahead log from the primary to a standby server.',
    categories: ['postgresql'],
    status: 'PUBLISHED',
    publishedAt: '2026-01-03T10:00:00.000Z',
    comments: [
      {
        key: 'a',
        authorName: 'Ada',
        authorEmail: 'ada@example.com',
        body: 'Does logical decoding work with a standby?',
        approved: true,
        hoursAfterPost: 1,
      },
    ],
  },
  {
    slug: 'unfinished',
    title: 'Replication notes (draft)',
    summary: '',
    body: 'Draft about replication',
    categories: ['postgresql'],
    status: 'DRAFT',
    publishedAt: null,
    comments: [],
  },
];
const categories = [
  { slug: 'browsers', name: 'Browsers', description: '' },
  { slug: 'postgresql', name: 'PostgreSQL', description: '' },
];

describe.each(engineKinds)('search API on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind, { categories, posts });
  });
  afterAll(() => api?.close());

  test('a typo finds the post at once and says what it searched for', async () => {
    const res = await api.http.get('/api/search?q=firefix').expect(200);
    expect(res.body.hits[0]).toMatchObject({ kind: 'post', slug: 'firefox-profiler' });
    expect(res.body.terms).toMatchObject({ typed: 'firefix', correctedTo: 'firefox' });
    expect(res.body.debug).toBeUndefined();
    const debug = await api.http.get('/api/search?q=postgress%20replicaton&debug=1').expect(200);
    expect(debug.body.hits[0].slug).toBe('streaming-replication');
    expect(debug.body.debug.candidates.length).toBeGreaterThan(1);
  });

  test("a search or a suggestion that misses its cache runs no query besides the engine's own", async () => {
    // The first search reads which slugs are static pages; later ones reuse that.
    await api.http.get('/api/search?q=profiler').expect(200);
    api.resetQueries();
    const found = await api.http.get('/api/search?q=firefox%20profiler').expect(200);
    expect(found.body.hits[0]).toMatchObject({ path: '/posts/firefox-profiler' });
    const suggested = await api.http.get('/api/search/suggest?q=streaming%20re').expect(200);
    expect(suggested.body.posts[0]).toMatchObject({ path: '/posts/streaming-replication' });
    expect(api.queries).toEqual([]);
  });

  test('a two-word search paged past its end answers its total and no hits', async () => {
    for (const q of ['streaming replication', 'streeming replicaton']) {
      const first = await api.http.get(`/api/search?q=${encodeURIComponent(q)}`).expect(200);
      expect(first.body.hits[0].slug).toBe('streaming-replication');
      expect(first.body.total).toEqual({ value: expect.any(Number), relation: 'eq' });
      const past = await api.http.get(`/api/search?q=${encodeURIComponent(q)}&page=2`).expect(200);
      expect(past.body).toMatchObject({ total: first.body.total, hits: [] });
    }
  });

  test('drafts are not searchable, category filters apply', async () => {
    const res = await api.http.get('/api/search?q=replication').expect(200);
    expect(res.body.hits.map((hit: { slug: string }) => hit.slug)).not.toContain('unfinished');
    const filtered = await api.http.get('/api/search?q=replication&category=browsers').expect(200);
    expect(filtered.body.hits.filter((hit: { kind: string }) => hit.kind === 'post')).toEqual([]);
  });

  test('a newly approved comment becomes searchable through the write path', async () => {
    await api.http
      .post('/api/posts/streaming-replication/comments')
      .send({
        authorName: 'Ada',
        authorEmail: 'ada@example.com',
        renderedAt: formRenderedAt(),
        body: 'Zanzibar failover drills helped us',
      })
      .expect(201);
    const res = await api.http.get('/api/search?q=zanzibar').expect(200);
    expect(res.body.hits).toEqual([
      expect.objectContaining({
        kind: 'comment',
        slug: 'streaming-replication',
        title: 'Comment on PostgreSQL streaming replication',
      }),
    ]);
  });

  test('suggests completions and posts as a reader types, as a public read tagged search', async () => {
    const res = await api.http.get('/api/search/suggest?q=streaming%20repl').expect(200);
    expect(res.body).toEqual({
      q: 'streaming repl',
      completions: [{ word: 'replication', query: 'streaming replication' }],
      posts: [
        {
          slug: 'streaming-replication',
          title: 'PostgreSQL streaming replication',
          path: '/posts/streaming-replication',
        },
      ],
    });
    expect(res.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(res.headers['surrogate-key']).toBe('search');
    // Drafts are not suggested.
    const drafts = await api.http.get('/api/search/suggest?q=draf').expect(200);
    expect(drafts.body).toEqual({ q: 'draf', completions: [], posts: [] });
  });

  test('a new approved comment reaches cached suggestions through the write path', async () => {
    const before = await api.http.get('/api/search/suggest?q=quokk').expect(200);
    expect(before.body.completions).toEqual([]);
    await api.http
      .post('/api/posts/firefox-profiler/comments')
      .send({
        authorName: 'Ada',
        authorEmail: 'ada@example.com',
        renderedAt: formRenderedAt(),
        body: 'A quokka could read these flame graphs',
      })
      .expect(201);
    const after = await api.http.get('/api/search/suggest?q=quokk').expect(200);
    expect(after.body.completions).toEqual([{ word: 'quokka', query: 'quokka' }]);
  });

  test.each([
    ['', 'q'],
    ['%20%20%20', 'q'],
    ['x'.repeat(101), 'q'],
  ])('suggest q=%s answers 400 naming %s', async (q, field) => {
    const res = await api.http.get(`/api/search/suggest?q=${q}`).expect(400);
    expect(Object.keys(res.body.fields)).toEqual([field]);
    const missing = await api.http.get('/api/search/suggest').expect(400);
    expect(Object.keys(missing.body.fields)).toEqual(['q']);
  });

  test.each([
    ['', 'q'],
    ['%20%20%20', 'q'],
    ['x'.repeat(201), 'q'],
  ])('q=%s answers 400 naming %s', async (q, field) => {
    const res = await api.http.get(`/api/search?q=${q}`).expect(400);
    expect(Object.keys(res.body.fields)).toEqual([field]);
  });

  test('a missing q and a bad page answer 400', async () => {
    expect((await api.http.get('/api/search').expect(400)).body.fields).toHaveProperty('q');
    expect((await api.http.get('/api/search?q=a&page=0').expect(400)).body.fields).toHaveProperty(
      'page',
    );
  });

  test.each([
    '"unbalanced',
    'title:firefox AND (',
    '\'; DROP TABLE "Post"; --',
    '\\\\',
    '*?~^',
    'a:b:c',
    '🔥 firefox ñandú',
    '<script>alert(1)</script>',
    '!!!',
    '&|!():*',
  ])('%s is searched as text', async (q) => {
    const res = await api.http.get(`/api/search?q=${encodeURIComponent(q)}`).expect(200);
    expect(Array.isArray(res.body.hits)).toBe(true);
    // Snippets are HTML: only <mark> may come through unescaped.
    for (const hit of res.body.hits) expect(hit.snippet).not.toMatch(/<(?!\/?mark>)/);
  });
});

test('an unreachable search backend degrades search only', async () => {
  const api = await startTestApi(
    'pglite',
    { categories, posts },
    {
      env: { ELASTICSEARCH_URL: 'http://127.0.0.1:9' },
    },
  );
  try {
    const res = await api.http.get('/api/search?q=firefox').expect(503);
    expect(res.body.message).toBe('Search is unavailable right now; please try again shortly');
    const heartbeat = await api.http.get('/__heartbeat__').expect(503);
    expect(heartbeat.body.checks).toMatchObject({
      database: 'ok',
      search: expect.stringMatching(/^failing/),
    });
    await api.http.get('/api/posts').expect(200);
    await api.http
      .post('/api/posts/streaming-replication/comments')
      .send({
        authorName: 'Ada',
        authorEmail: 'ada@example.com',
        renderedAt: formRenderedAt(),
        body: 'Still saved without search',
      })
      .expect(201);
  } finally {
    await api.close();
  }
});
