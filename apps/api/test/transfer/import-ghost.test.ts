import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
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

test('a feature image beside the export becomes the cover, with its alt text', async () => {
  const folder = await mkdtemp(path.join(tmpdir(), 'ghost-covers-'));
  const api = await startEmptyBlog('pglite');
  try {
    await mkdir(path.join(folder, 'content/images/2024/05'), { recursive: true });
    const lake = await sharp({
      create: { width: 900, height: 600, channels: 3, background: '#2a6f97' },
    })
      .png()
      .toBuffer();
    await writeFile(path.join(folder, 'content/images/2024/05/lake.png'), lake);
    const post = (id: string, title: string, featureImage: string | null) => ({
      id,
      title,
      slug: title.toLowerCase().replaceAll(' ', '-'),
      html: '<p>Hello</p>',
      status: 'published',
      published_at: '2024-05-01T08:00:00.000Z',
      feature_image: featureImage,
    });
    const data = {
      posts: [
        post('a1', 'By the lake', '__GHOST_URL__/content/images/2024/05/lake.png'),
        post('a2', 'Far away', 'https://images.example/remote.jpg'),
      ],
      posts_meta: [{ post_id: 'a1', feature_image_alt: 'A still lake at dusk' }],
    };
    await writeFile(path.join(folder, 'export.json'), JSON.stringify({ db: [{ data }] }));

    const report = await api.importSource(path.join(folder, 'export.json'));
    expect(report.warnings).toContain(
      'post "far-away": remote cover image left out: https://images.example/remote.jpg',
    );
    const image = await api.db.prisma.image.findFirstOrThrow();
    const lakePage = await api.http.get('/api/posts/by-the-lake').expect(200);
    expect(lakePage.body.post.cover).toEqual({
      hash: image.hash,
      width: 900,
      height: 600,
      alt: 'A still lake at dusk',
    });
    const farPage = await api.http.get('/api/posts/far-away').expect(200);
    expect(farPage.body.post.cover).toBeNull();
  } finally {
    await api.close();
    await rm(folder, { recursive: true, force: true });
  }
});
