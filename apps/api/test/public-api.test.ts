import { invalidateTags } from '@inkwell/cache';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFixtureContent, formRenderedAt } from './fixtures.js';
import { engineKinds, startTestApi, type TestApi } from './test-api.js';

describe.each(engineKinds)('public API on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind, buildFixtureContent());
  });
  afterAll(async () => {
    await api?.close();
  });

  describe('GET /api/posts', () => {
    test('lists published posts newest first with categories and approved comment counts', async () => {
      const res = await api.http.get('/api/posts').expect(200);
      expect(res.body).toMatchObject({
        page: 1,
        pageSize: 10,
        total: 60,
        pages: 6,
        categories: [],
      });
      expect(res.body.items.map((p: { slug: string }) => p.slug)).toEqual(
        Array.from({ length: 10 }, (_, i) => `post-${60 - i}`),
      );
      const [newest, second] = res.body.items;
      expect(newest).toEqual({
        id: expect.any(Number),
        slug: 'post-60',
        title: 'Post number 60',
        summary: 'Summary 60',
        publishedAt: '2026-03-01T09:00:00.000Z',
        externalUrl: null,
        categories: [
          { slug: 'postgresql', name: 'PostgreSQL' },
          { slug: 'python', name: 'Python' },
        ],
        commentCount: 100,
        readingMinutes: 1,
        cover: null,
        author: null, // the fixture's posts have no author account
      });
      expect(second.commentCount).toBe(2); // the unapproved one is not counted
    });

    test('drafts and scheduled posts are not listed', async () => {
      const res = await api.http.get('/api/posts?pageSize=50&page=2').expect(200);
      const slugs = res.body.items.map((p: { slug: string }) => p.slug);
      expect(slugs).not.toContain('a-draft');
      expect(slugs).not.toContain('scheduled');
      expect(slugs.at(-1)).toBe('post-1');
    });

    test('filters by one or several categories', async () => {
      const rust = await api.http.get('/api/posts?category=rust&pageSize=50').expect(200);
      expect(rust.body.total).toBe(20);
      expect(rust.body.categories).toEqual([{ slug: 'rust', name: 'Rust' }]);
      for (const post of rust.body.items) {
        expect(post.categories.map((c: { slug: string }) => c.slug)).toContain('rust');
      }
      const both = await api.http
        .get('/api/posts?category=rust,postgresql&pageSize=50')
        .expect(200);
      expect(both.body.total).toBe(40);
      expect(both.body.categories.map((c: { slug: string }) => c.slug)).toEqual([
        'postgresql',
        'rust',
      ]);
    });

    test('a page past the end is empty, not an error', async () => {
      const res = await api.http.get('/api/posts?page=99').expect(200);
      expect(res.body.items).toEqual([]);
      expect(res.body.total).toBe(60);
    });

    test.each([
      ['page=0', 'page', 'page must be at least 1'],
      ['page=abc', 'page', 'page must be a whole number'],
      ['page=1.5', 'page', 'page must be a whole number'],
      ['pageSize=51', 'pageSize', 'pageSize must be at most 50'],
      ['pageSize=-1', 'pageSize', 'pageSize must be a whole number'],
      [
        'category=Not%20a%20slug',
        'category.0',
        'category must be category slugs separated by commas',
      ],
      ['page=1&page=2', 'page', 'Invalid input: expected string, received array'],
    ])('?%s answers 400 naming %s', async (query, field, message) => {
      const res = await api.http.get(`/api/posts?${query}`).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.fields[field]).toBe(message);
    });

    test('an unknown category answers 404 JSON', async () => {
      const res = await api.http.get('/api/posts?category=rust,cobol').expect(404);
      expect(res.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'Unknown category: cobol',
      });
    });
  });

  describe('GET /api/posts/:slug', () => {
    test('answers the rendered post, its comment thread, neighbours and related posts', async () => {
      const res = await api.http.get('/api/posts/post-59').expect(200);
      expect(res.body.post).toMatchObject({ slug: 'post-59', commentCount: 2 });
      expect(res.body.post.html).toContain('<h2 id="heading-59">Heading 59</h2>');
      expect(res.body.post.html).toContain('class="hljs language-rust"');
      expect(res.body.comments).toHaveLength(1);
      expect(res.body.comments[0]).toMatchObject({ authorName: 'Ada', html: '<p>First!</p>\n' });
      expect(res.body.comments[0].replies[0]).toMatchObject({ authorName: 'Bob', replies: [] });
      expect(res.body.previous).toEqual({ slug: 'post-58', title: 'Post number 58' });
      expect(res.body.next).toEqual({ slug: 'post-60', title: 'Post number 60' });
      expect(res.body.related.map((r: { slug: string }) => r.slug)).toEqual([
        'post-60',
        'post-56',
        'post-55',
      ]);
      expect(JSON.stringify(res.body)).not.toMatch(/@example\.com|Buy now/);
    });

    test('the newest post has no next and the oldest no previous', async () => {
      expect((await api.http.get('/api/posts/post-60').expect(200)).body.next).toBeNull();
      expect((await api.http.get('/api/posts/post-1').expect(200)).body.previous).toBeNull();
    });

    test.each(['a-draft', 'scheduled', 'no-such-post', 'UPPER', '..%2F..%2Fetc', 'x'.repeat(300)])(
      '%s answers 404',
      async (slug) => {
        const res = await api.http.get(`/api/posts/${slug}`).expect(404);
        expect(res.body.statusCode).toBe(404);
      },
    );
  });

  test('GET /api/categories counts published posts only', async () => {
    const res = await api.http.get('/api/categories').expect(200);
    expect(res.body.items).toEqual([
      { slug: 'empty', name: 'Empty', description: 'No posts yet', postCount: 0 },
      { slug: 'postgresql', name: 'PostgreSQL', description: '', postCount: 20 },
      { slug: 'python', name: 'Python', description: '', postCount: 28 },
      { slug: 'rust', name: 'Rust', description: 'Systems programming', postCount: 20 },
    ]);
  });

  describe('POST /api/posts/:slug/comments', () => {
    const valid = {
      authorName: 'Grace',
      authorEmail: 'grace@example.org',
      body: 'Great read, thanks!',
    };

    test('stores a first comment for moderation with its origin', async () => {
      const res = await api.http
        .post('/api/posts/post-10/comments')
        .set('User-Agent', 'test-agent/1.0')
        .send(valid)
        .expect(201);
      expect(res.body).toEqual({
        id: expect.any(Number),
        awaitingModeration: true,
        viewKey: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      });
      const stored = await api.db.prisma.comment.findUniqueOrThrow({ where: { id: res.body.id } });
      expect(stored).toMatchObject({
        approved: false,
        userAgent: 'test-agent/1.0',
        authorEmail: 'grace@example.org',
      });
      expect(stored.ipAddress).toMatch(/127\.0\.0\.1|::1/);
      const page = await api.http.get('/api/posts/post-10').expect(200);
      expect(page.body.comments).toEqual([]);
    });

    test('publishes at once for a commenter with an approved comment, as a reply', async () => {
      const post = await api.http.get('/api/posts/post-59').expect(200);
      const parentId = post.body.comments[0].id;
      const res = await api.http
        .post('/api/posts/post-59/comments')
        .send({
          authorName: 'Ada',
          authorEmail: 'ADA@example.com',
          renderedAt: formRenderedAt(),
          body: 'Thanks Bob',
          parentId,
        })
        .expect(201);
      expect(res.body.awaitingModeration).toBe(false);
      const after = await api.http.get('/api/posts/post-59').expect(200);
      expect(
        after.body.comments[0].replies.map((r: { authorName: string }) => r.authorName),
      ).toEqual(['Bob', 'Ada']);
    });

    test.each([
      [{ ...valid, authorName: '   ' }, 'authorName', 'is required'],
      [{ ...valid, authorName: 'x'.repeat(81) }, 'authorName', 'must be at most 80 characters'],
      [{ ...valid, authorEmail: 'not-an-email' }, 'authorEmail', 'must be a valid email address'],
      [{ ...valid, body: 'x' }, 'body', 'must be at least 2 characters'],
      [{ ...valid, body: 'x'.repeat(5001) }, 'body', 'must be at most 5000 characters'],
      [{ ...valid, authorName: 42 }, 'authorName', 'must be text'],
      [{ ...valid, parentId: 'seven' }, 'parentId', 'must be a comment id'],
      [{ authorEmail: 'a@b.example', body: 'hello' }, 'authorName', 'must be text'],
      [[1, 2], 'body', 'must be a JSON object'],
    ])('invalid input answers 400 naming the field (%#)', async (input, field, message) => {
      const res = await api.http.post('/api/posts/post-10/comments').send(input).expect(400);
      expect(res.body.fields[field]).toBe(message);
      expect(res.body.message).toContain(field);
    });

    test('a parent from another post is refused', async () => {
      const other = await api.http.get('/api/posts/post-59').expect(200);
      const res = await api.http
        .post('/api/posts/post-10/comments')
        .send({ ...valid, parentId: other.body.comments[0].id })
        .expect(400);
      expect(res.body.fields).toEqual({ parentId: 'must be a published comment on this post' });
    });

    test('malformed JSON answers 400, an oversized body 413, an unknown post 404', async () => {
      const malformed = await api.http
        .post('/api/posts/post-10/comments')
        .set('Content-Type', 'application/json')
        .send('{"authorName": ')
        .expect(400);
      expect(malformed.body).toMatchObject({
        statusCode: 400,
        message: 'The request body is not valid JSON',
      });
      const huge = await api.http
        .post('/api/posts/post-10/comments')
        .send({ ...valid, body: 'x'.repeat(100_000) })
        .expect(413);
      expect(huge.body.statusCode).toBe(413);
      await api.http.post('/api/posts/a-draft/comments').send(valid).expect(404);
      await api.http.post('/api/posts/nope/comments').send(valid).expect(404);
    });
  });

  describe('POST /api/comments/held', () => {
    const held = (comments: unknown) =>
      api.http.post('/api/comments/held').send({ comments }).expect(200);

    test('shows a held comment to the key its creation gave, until it is approved', async () => {
      const created = await api.http
        .post('/api/posts/post-10/comments')
        .send({ authorName: 'Hedy', authorEmail: 'hedy@example.org', body: 'Held *for now*.' })
        .expect(201);
      const { id, viewKey } = created.body as { id: number; viewKey: string };
      const shown = await held([{ id, key: viewKey }]);
      expect(shown.body.items).toEqual([
        {
          id,
          postId: expect.any(Number),
          parentId: null,
          authorName: 'Hedy',
          html: '<p>Held <em>for now</em>.</p>\n',
          createdAt: expect.any(String),
        },
      ]);
      // Another key, or no key of this comment's, shows nothing.
      const otherKey = `${viewKey.slice(0, -1)}${viewKey.endsWith('A') ? 'B' : 'A'}`;
      expect((await held([{ id, key: otherKey }])).body.items).toEqual([]);
      await api.db.prisma.comment.update({ where: { id }, data: { approved: true } });
      expect((await held([{ id, key: viewKey }])).body.items).toEqual([]);
    });

    test.each([
      [{ comments: 'x' }, 'comments', 'must be a list of comments'],
      [{ comments: [{ id: 1, key: 'short' }] }, 'comments.0.key', 'must be a view key'],
      [{ comments: [{ id: -1, key: 'a'.repeat(22) }] }, 'comments.0.id', 'must be a comment id'],
    ])('invalid input answers 400 naming the field (%#)', async (input, field, message) => {
      const res = await api.http.post('/api/comments/held').send(input).expect(400);
      expect(res.body.fields[field]).toBe(message);
    });
  });

  describe('queries per request are bounded', () => {
    /** Cold: the memoized reads are dropped first, so every query is counted. */
    async function countQueries(path: string): Promise<number> {
      await invalidateTags([
        'listing:all',
        'listing:category:rust',
        'post:post-58',
        'post:post-60',
        'post-links',
      ]);
      api.resetQueries();
      await api.http.get(path).expect(200);
      expect(api.queries.length).toBeGreaterThan(0);
      return api.queries.length;
    }

    test('the listing costs the same for 5 and 50 posts', async () => {
      const five = await countQueries('/api/posts?pageSize=5');
      const fifty = await countQueries('/api/posts?pageSize=50');
      expect(fifty).toBe(five);
      expect(five).toBeLessThanOrEqual(6);
      const filtered = await countQueries('/api/posts?category=rust&pageSize=50');
      expect(filtered).toBeLessThanOrEqual(7);
    });

    test('a post costs the same with 0 and 100 comments', async () => {
      const none = await countQueries('/api/posts/post-58');
      const hundred = await countQueries('/api/posts/post-60');
      expect(hundred).toBe(none);
      // The post with its categories, author byline and cover; its comments; its neighbours,
      // related posts and series (none here).
      expect(none).toBeLessThanOrEqual(11);
    });
  });

  test('health endpoints', async () => {
    expect((await api.http.get('/__lbheartbeat__').expect(200)).body).toEqual({ status: 'ok' });
    const heartbeat = await api.http.get('/__heartbeat__').expect(200);
    expect(heartbeat.body).toEqual({
      status: 'ok',
      checks: { database: 'ok', cache: 'ok', realtime: 'ok', search: 'ok' },
    });
  });
});

test('unsupported body encodings and bad percent-encoding are client errors', async () => {
  const api = await startTestApi('pglite', { categories: [], posts: [] });
  try {
    const encoded = await api.http
      .post('/api/posts/x/comments')
      .set('Content-Type', 'application/json; charset=klingon')
      .send('{}');
    expect(encoded.status).toBe(415);
    const uri = await api.http.get('/api/posts/%E0%A4%A');
    expect(uri.status).toBe(400);
  } finally {
    await api.close();
  }
});

describe('the public comment form is guarded', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('pglite', buildFixtureContent());
  });
  afterAll(() => api?.close());

  const comment = (extra: object = {}) => ({
    authorName: 'Ada',
    authorEmail: 'ada@example.com',
    body: 'A thoughtful reply',
    renderedAt: formRenderedAt(),
    ...extra,
  });

  test('a filled honeypot is answered like a held comment and nothing is stored', async () => {
    const before = await api.db.prisma.comment.count();
    const res = await api.http
      .post('/api/posts/post-10/comments')
      .send(comment({ website: 'https://spam.example' }))
      .expect(201);
    // With a key as a held comment's, so nothing tells the bot apart; it shows nothing.
    expect(res.body).toEqual({ id: 0, awaitingModeration: true, viewKey: expect.any(String) });
    expect(await api.db.prisma.comment.count()).toBe(before);
  });

  test('a form sent back faster than a person types is held, even from a trusted commenter', async () => {
    const res = await api.http
      .post('/api/posts/post-10/comments')
      .send(comment({ renderedAt: Date.now() - 500 }))
      .expect(201);
    expect(res.body.awaitingModeration).toBe(true);
  });

  test('too many comments from one address answer 429 with Retry-After', async () => {
    let res = await api.http.post('/api/posts/post-10/comments').send(comment());
    for (let i = 0; i < 10 && res.status !== 429; i++) {
      res = await api.http.post('/api/posts/post-10/comments').send(comment());
    }
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body.message).toMatch(/too often/);
  });
});
