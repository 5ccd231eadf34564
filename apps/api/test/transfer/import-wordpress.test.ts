import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { engineKinds } from '../test-api.js';
import { startEmptyBlog, totals, type TransferTestApi } from './transfer-test-api.js';

interface ThreadComment {
  id: number;
  authorName: string;
  replies: ThreadComment[];
}

/* A WXR 1.2 file with posts, a draft, an attachment, categories, tags and a comment thread. */
describe.each(engineKinds)('importing a WordPress export (%s)', (kind) => {
  let api: TransferTestApi;
  beforeAll(async () => {
    api = await startEmptyBlog(kind);
  });
  afterAll(async () => {
    await api?.close();
  });

  test('a dry run writes nothing', async () => {
    const report = await api.importSource('wordpress/export.xml', { dryRun: true });
    expect(report.counts.posts.created).toBe(3);
    expect(report.counts.comments.created).toBe(3);
    expect(report.counts.images.created).toBe(1);
    expect(await api.db.prisma.post.count()).toBe(0);
    expect(await api.db.prisma.comment.count()).toBe(0);
    expect(await api.db.prisma.image.count()).toBe(0);
  });

  test('posts, the comment thread, local images uploaded, remote ones reported', async () => {
    const report = await api.importSource('wordpress/export.xml');
    expect(report.format).toBe('wxr');
    expect(report.counts.posts).toEqual({ created: 3, updated: 0, unchanged: 0, skipped: 0 });
    // Approved and held comments; spam is left out.
    expect(report.counts.comments.created).toBe(3);
    expect(report.warnings).toContain(
      'post "cutting-dovetails-by-hand": remote image kept as a link: https://cdn.elsewhere.example/photos/bench.jpg',
    );
    expect(report.warnings.some((w) => w.includes('unknown author guest@shed.example'))).toBe(true);

    const page = await api.http.get('/api/posts/cutting-dovetails-by-hand').expect(200);
    const { post, comments } = page.body as {
      post: { html: string; publishedAt: string; categories: Array<{ slug: string }> };
      comments: ThreadComment[];
    };
    expect(post.publishedAt).toBe('2019-03-04T09:30:00.000Z');
    expect(post.html).toContain('<strong>marking gauge</strong>');
    expect(post.html).toContain('<li>Saw the tails, then chop the waste.</li>');
    expect(post.categories.map((c) => c.slug).sort()).toEqual(['dovetails', 'woodwork']);
    const image = await api.db.prisma.image.findFirstOrThrow();
    expect(post.html).toContain(`/images/${image.hash}`);
    expect(post.html).not.toContain('shed.example/wp-content');
    expect(post.html).toContain('https://cdn.elsewhere.example/photos/bench.jpg');
    // Its featured image is its cover, with the attachment's alt text.
    expect(page.body.post.cover).toMatchObject({
      hash: image.hash,
      alt: 'Tails marked out on a pine board',
    });

    // Readers see the approved thread: Ada's answer under Grace's question; the held one waits.
    expect(comments.map((c) => c.authorName)).toEqual(['Grace']);
    expect(comments[0]!.replies.map((c) => c.authorName)).toEqual(['Ada']);
    expect(await api.db.prisma.comment.count({ where: { approved: false } })).toBe(1);

    // The draft keeps its place out of sight.
    await api.http.get('/api/posts/workbench-plans-unfinished').expect(404);
    expect(await api.db.prisma.post.count({ where: { status: 'DRAFT' } })).toBe(1);

    for (const path of [
      '/?p=12',
      '/2019/03/04/cutting-dovetails-by-hand/',
      '/2019/03/04/cutting-dovetails-by-hand',
    ]) {
      const moved = await api.http.get('/api/redirects').query({ path }).expect(301);
      expect(moved.body.slug).toBe('cutting-dovetails-by-hand');
    }
    const wheel = await api.http
      .get('/api/redirects')
      .query({ path: '/2020/07/21/truing-a-wheel/' })
      .expect(301);
    expect(wheel.body.slug).toBe('truing-a-wheel');
    await api.http.get('/api/redirects').query({ path: '/?p=56' }).expect(404);

    const search = await api.http.get('/api/search').query({ q: 'dovetails' }).expect(200);
    expect(JSON.stringify(search.body)).toContain('cutting-dovetails-by-hand');
  });

  test('a second run creates nothing', async () => {
    const report = await api.importSource('wordpress/export.xml');
    expect(totals(report)).toMatchObject({ created: 0, updated: 0, skipped: 0 });
    expect(report.counts.comments.unchanged).toBe(3);
    expect(await api.db.prisma.comment.count()).toBe(3);
    expect(await api.db.prisma.post.count()).toBe(3);
  });

  test('the redirect lookup validates its input', async () => {
    const missing = await api.http.get('/api/redirects').expect(400);
    expect(missing.body.fields).toHaveProperty('path');
    const relative = await api.http.get('/api/redirects').query({ path: 'no-slash' }).expect(400);
    expect(relative.body.fields.path).toBe('must be a path starting with /');
  });
});
