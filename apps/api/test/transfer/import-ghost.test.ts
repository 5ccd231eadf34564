import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { engineKinds } from '../test-api.js';
import { startEmptyBlog, totals, type TransferTestApi } from './transfer-test-api.js';

/* A real Ghost 6.65 export of the demo content (35 posts, 2 drafts, 1 page, 11 tags). */
describe.each(engineKinds)('importing a Ghost export (%s)', (kind) => {
  let api: TransferTestApi;
  beforeAll(async () => {
    api = await startEmptyBlog(kind);
  });
  afterAll(async () => {
    await api?.close();
  });

  test('a dry run writes nothing but says what it would create', async () => {
    const report = await api.importSource('ghost-export.json', { dryRun: true });
    expect(report.counts.posts).toMatchObject({ created: 36, skipped: 0 });
    expect(report.counts.categories.created).toBe(11);
    expect(await api.db.prisma.post.count()).toBe(0);
    expect(await api.db.prisma.category.count()).toBe(0);
    expect(await api.db.prisma.pathRedirect.count()).toBe(0);
    expect((await api.http.get('/api/settings').expect(200)).body.title).not.toBe(
      'Ghost peer bench',
    );
  });

  test('readers see the posts, tags as categories, drafts kept back, old addresses redirected', async () => {
    const report = await api.importSource('ghost-export.json');
    expect(report.format).toBe('ghost');
    expect(report.counts.posts).toEqual({ created: 36, updated: 0, unchanged: 0, skipped: 0 });
    expect(report.warnings).toContain(
      "unknown author owner@example.com (36 post(s)): attributed to the site's first admin",
    );

    const post = await api.http
      .get('/api/posts/setting-up-postgresql-streaming-replication-on-debian')
      .expect(200);
    expect(post.body.post.title).toBe('Setting up PostgreSQL streaming replication on Debian');
    expect(post.body.post.publishedAt).toBe('2024-02-11T08:40:00.000Z');
    expect(post.body.post.html).toContain('<code>pg_dump</code>');
    expect(post.body.post.categories.length).toBeGreaterThan(0);

    await api.http.get('/api/posts/upgrading-postgresql-15-to-17-with-pg-upgrade').expect(404);
    const listing = await api.http.get('/api/posts?pageSize=50').expect(200);
    expect(listing.body.total).toBe(34);

    const categories = await api.http.get('/api/categories').expect(200);
    expect(categories.body.items.map((c: { name: string }) => c.name)).toContain('PostgreSQL');

    const moved = await api.http
      .get('/api/redirects')
      .query({ path: '/fuzzy-title-matching-with-pg-trgm/' })
      .expect(301);
    expect(moved.body.slug).toBe('fuzzy-title-matching-with-pg-trgm');
    expect(moved.headers.location).toBe('/api/posts/fuzzy-title-matching-with-pg-trgm');
    // A draft's old address leads nowhere public.
    await api.http
      .get('/api/redirects')
      .query({ path: '/upgrading-postgresql-15-to-17-with-pg-upgrade/' })
      .expect(404);

    const search = await api.http
      .get('/api/search')
      .query({ q: 'streaming replication' })
      .expect(200);
    expect(JSON.stringify(search.body)).toContain(
      'setting-up-postgresql-streaming-replication-on-debian',
    );
    expect((await api.http.get('/api/settings').expect(200)).body.title).toBe('Ghost peer bench');
  });

  test('a second run creates nothing', async () => {
    const report = await api.importSource('ghost-export.json');
    expect(totals(report)).toMatchObject({ created: 0, updated: 0, skipped: 0 });
    expect(report.counts.posts.unchanged).toBe(36);
    expect(await api.db.prisma.post.count()).toBe(36);
  });
});
