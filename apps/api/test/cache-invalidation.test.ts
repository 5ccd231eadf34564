import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DomainEvents } from '../src/events/domain-events.js';
import { buildFixtureContent, formRenderedAt } from './fixtures.js';
import { parsePrometheusText } from './prometheus-text.js';
import { startTestApi, type TestApi } from './test-api.js';

const stores: Array<[string, Record<string, string>]> = [
  ['memory', {}],
  [
    'redis',
    {
      REDIS_URL: 'redis://127.0.0.1:6379',
      CACHE_NAMESPACE: `test-${randomBytes(4).toString('hex')}`,
    },
  ],
];

describe.each(stores)('cached reads and precise invalidation with the %s store', (_store, env) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('pglite', buildFixtureContent(), { env });
  });
  afterAll(() => api?.close());

  /** Queries a GET costs now: 0 means it was answered from the cache. */
  async function cost(path: string): Promise<number> {
    api.resetQueries();
    await api.http.get(path).expect(200);
    return api.queries.length;
  }

  test('repeated reads are served from the cache', async () => {
    for (const path of ['/api/posts?category=rust', '/api/posts/post-59', '/api/categories']) {
      expect(await cost(path)).toBeGreaterThan(0);
      expect(await cost(path)).toBe(0);
    }
  });

  test('a hit answers the bytes, ETag and tags of the miss, from one cache lookup', async () => {
    const lookups = async () => {
      const { samples } = parsePrometheusText(await api.metrics());
      // The reads these routes memoize (other memos, like the settings a background side effect
      // reads, may count a lookup of their own meanwhile).
      return samples
        .filter((sample) => /^inkwell_cache_(hit|miss)_total$/u.test(sample.name))
        .filter((sample) => /^(posts|categories)\b/u.test(sample.labels.prefix ?? ''))
        .reduce((sum, sample) => sum + sample.value, 0);
    };
    for (const path of ['/api/posts/post-40', '/api/posts?category=rust', '/api/categories']) {
      const miss = await api.http.get(path).expect(200);
      const before = await lookups();
      const hit = await api.http.get(path).expect(200);
      expect(await lookups()).toBe(before + 1);
      expect(hit.text).toBe(miss.text);
      expect(hit.headers.etag).toBe(miss.headers.etag);
      expect(hit.headers['surrogate-key']).toBe(miss.headers['surrogate-key']);
      expect(hit.headers['content-type']).toBe('application/json; charset=utf-8');
      // The weak ETag Express gives a body: the same on the wire as an uncached answer's.
      const body = Buffer.from(hit.text, 'utf8');
      const sha1 = createHash('sha1').update(body).digest('base64').slice(0, 27);
      expect(hit.headers.etag).toBe(`W/"${body.byteLength.toString(16)}-${sha1}"`);
      await api.http.get(path).set('If-None-Match', hit.headers.etag!).expect(304);
      const head = await api.http.head(path).expect(200);
      expect(head.headers.etag).toBe(hit.headers.etag);
    }
  });

  test('an approved comment drops its post and the listings showing its count, nothing else', async () => {
    // post-59 is filed under python; post-3 under postgresql; rust listings are unrelated.
    const warm = [
      '/api/posts',
      '/api/posts?category=python',
      '/api/posts?category=rust',
      '/api/posts/post-59',
      '/api/posts/post-3',
    ];
    for (const path of warm) await cost(path);

    await api.http
      .post('/api/posts/post-59/comments')
      .send({
        authorName: 'Ada',
        authorEmail: 'ada@example.com',
        renderedAt: formRenderedAt(),
        body: 'Fresh comment',
      })
      .expect(201);

    const post = await api.http.get('/api/posts/post-59').expect(200);
    expect(post.body.post.commentCount).toBe(3);
    const home = await api.http.get('/api/posts').expect(200);
    expect(
      home.body.items.find((item: { slug: string }) => item.slug === 'post-59').commentCount,
    ).toBe(3);
    const python = await api.http.get('/api/posts?category=python').expect(200);
    expect(
      python.body.items.find((item: { slug: string }) => item.slug === 'post-59').commentCount,
    ).toBe(3);
    expect(await cost('/api/posts?category=rust')).toBe(0);
    expect(await cost('/api/posts/post-3')).toBe(0);
  });

  test('a saved post drops its page, the home listing, its old and new categories and the counts', async () => {
    // The earlier checks' events have all run: none of their drops can land after the warm-up.
    await expect.poll(() => api.db.prisma.outboxEvent.count({ where: { doneAt: null } })).toBe(0);
    const warm = [
      '/api/posts',
      '/api/posts?category=rust',
      '/api/posts?category=python',
      '/api/posts?category=postgresql',
      '/api/posts/post-58',
      '/api/posts/post-57',
      '/api/categories',
    ];
    for (const path of warm) await cost(path);

    // post-58 moves from rust to postgresql and is renamed, as the admin write path would do.
    const post = await api.db.prisma.post.update({
      where: { slug: 'post-58' },
      data: { title: 'Renamed', categories: { deleteMany: {}, create: [{ categoryId: 3 }] } },
      include: { categories: { include: { category: true } } },
    });
    expect(post.categories.map((c) => c.category.slug)).toEqual(['postgresql']);
    await api.app.get(DomainEvents).emit('post.saved', {
      postId: post.id,
      slug: 'post-58',
      previousSlug: null,
      categorySlugs: ['postgresql'],
      previousCategorySlugs: ['rust'],
      published: true,
      wasPublished: true,
    });

    expect((await api.http.get('/api/posts/post-58').expect(200)).body.post.title).toBe('Renamed');
    const rust = await api.http.get('/api/posts?category=rust').expect(200);
    expect(rust.body.items.map((item: { slug: string }) => item.slug)).not.toContain('post-58');
    const postgres = await api.http.get('/api/posts?category=postgresql').expect(200);
    expect(postgres.body.items.map((item: { slug: string }) => item.slug)).toContain('post-58');
    const categories = await api.http.get('/api/categories').expect(200);
    expect(categories.body.items.find((c: { slug: string }) => c.slug === 'rust').postCount).toBe(
      19,
    );
    expect((await api.http.get('/api/posts').expect(200)).body.items[2].title).toBe('Renamed');
    // The neighbours' links name the new title; a listing of an untouched category stays cached.
    expect((await api.http.get('/api/posts/post-57').expect(200)).body.next.title).toBe('Renamed');
    expect(await cost('/api/posts?category=python')).toBe(0);
  });

  test('the metrics count hits and misses per memoized function', async () => {
    const { types, samples } = parsePrometheusText(await api.metrics());
    for (const name of ['hit', 'miss', 'error', 'stampede_wait', 'stale_skip', 'evictions']) {
      expect(types.get(`inkwell_cache_${name}_total`)).toBe('counter');
    }
    expect(types.get('inkwell_cache_purge_calls_total')).toBe('counter');
    const value = (name: string, labels: Record<string, string>) =>
      samples.find(
        (sample) =>
          sample.name === name &&
          Object.entries(labels).every(([key, label]) => sample.labels[key] === label),
      )?.value;
    expect(value('inkwell_cache_hit_total', { prefix: 'posts.list' })).toBeGreaterThan(0);
    expect(value('inkwell_cache_miss_total', { prefix: 'posts.detail' })).toBeGreaterThan(0);
    expect(value('inkwell_cache_purge_calls_total', { outcome: 'failed' })).toBe(0);
  });
});

test('with Redis unreachable every read and write still succeeds, and the heartbeat says why', async () => {
  const api = await startTestApi('pglite', buildFixtureContent(), {
    env: { REDIS_URL: 'redis://127.0.0.1:1' },
  });
  try {
    await api.http.get('/api/posts').expect(200);
    await api.http.get('/api/posts/post-59').expect(200);
    const created = await api.http
      .post('/api/posts/post-59/comments')
      .send({
        authorName: 'Ada',
        authorEmail: 'ada@example.com',
        renderedAt: formRenderedAt(),
        body: 'Saved despite the outage',
      })
      .expect(201);
    expect(await api.db.prisma.comment.count({ where: { id: created.body.id } })).toBe(1);
    const heartbeat = await api.http.get('/__heartbeat__').expect(503);
    expect(heartbeat.body.checks.cache).toMatch(/^failing: redis/);
    expect(heartbeat.body.checks.database).toBe('ok');
  } finally {
    await api.close();
  }
});

test('the in-process cache keeps at most CACHE_MAX_ENTRIES entries and counts evictions', async () => {
  const api = await startTestApi('pglite', buildFixtureContent(), {
    env: { CACHE_MAX_ENTRIES: '2' },
  });
  try {
    // Search is cached per query text: distinct queries must not grow memory without bound.
    for (const q of ['rust', 'python', 'postgres', 'async']) {
      await api.http.get(`/api/search?q=${q}`).expect(200);
    }
    const evictions = async () =>
      /inkwell_cache_evictions_total\{namespace="inkwell"\} (\d+)/u.exec(await api.metrics())?.[1];
    // Searches share one more entry, the list of page slugs, read (so kept) by every miss.
    expect(await evictions()).toBe('3');
    // The newest query is still cached (a hit stores nothing); the oldest was evicted, so
    // searching it again stores it and evicts another.
    await api.http.get('/api/search?q=async').expect(200);
    expect(await evictions()).toBe('3');
    await api.http.get('/api/search?q=rust').expect(200);
    expect(await evictions()).toBe('4');
  } finally {
    await api.close();
  }
});
