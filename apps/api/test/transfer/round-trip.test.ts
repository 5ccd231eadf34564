import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { engineKinds } from '../test-api.js';
import { startEmptyBlog, totals, type TransferTestApi } from './transfer-test-api.js';

/** What a blog holds, without ids: equal for the same blog in another database. */
async function contentOf(api: TransferTestApi) {
  const prisma = api.db.prisma;
  const posts = await prisma.post.findMany({
    orderBy: { slug: 'asc' },
    select: {
      slug: true,
      title: true,
      summary: true,
      body: true,
      status: true,
      publishedAt: true,
      categories: { select: { category: { select: { slug: true } } } },
      coverImage: { select: { hash: true } },
      coverAlt: true,
    },
  });
  const comments = await prisma.comment.findMany({
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      authorName: true,
      body: true,
      approved: true,
      createdAt: true,
      post: { select: { slug: true } },
      parent: { select: { authorName: true } },
    },
  });
  const categories = await prisma.category.findMany({
    orderBy: { slug: 'asc' },
    select: { slug: true, name: true, description: true },
  });
  const { updatedAt: _updatedAt, ...settings } = (await api.http.get('/api/settings').expect(200))
    .body;
  const redirects = await prisma.pathRedirect.findMany({
    orderBy: { path: 'asc' },
    select: { path: true, post: { select: { slug: true } } },
  });
  return {
    posts: posts.map((post) => ({
      ...post,
      categories: post.categories.map(({ category }) => category.slug).sort(),
    })),
    comments,
    categories,
    settings: { ...settings, logo: settings.logo !== null, favicon: settings.favicon !== null },
    redirects,
    images: await prisma.image.findMany({ orderBy: { hash: 'asc' }, select: { hash: true } }),
  };
}

describe.each(engineKinds)('export, then import into an empty blog (%s)', (kind) => {
  let source: TransferTestApi;
  let target: TransferTestApi;
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'inkwell-export-'));
    source = await startEmptyBlog(kind);
    target = await startEmptyBlog(kind);
  }, 120_000);
  afterAll(async () => {
    await source?.close();
    await target?.close();
    await rm(folder, { recursive: true, force: true });
  });

  test('reproduces posts, comments, categories, settings, images and redirects', async () => {
    await source.importSource('wordpress/export.xml');
    await source.importSource('markdown/hugo');
    const logo = await source.db.prisma.image.findFirstOrThrow();
    await source.services.settings.update({
      ownerName: 'Ada',
      logoImageId: logo.id,
      navigation: [{ label: 'About', url: '/posts/first-light' }],
      holdFirstComments: false,
    });

    const exported = await source.exportTo(folder);
    expect(exported).toMatchObject({ posts: 5, comments: 3, images: 2, users: 1 });
    expect((await readdir(path.join(folder, 'posts'))).sort()).toContain(
      'cutting-dovetails-by-hand.md',
    );
    const manifest = await readFile(path.join(folder, 'manifest.json'), 'utf8');
    expect(manifest).not.toMatch(/password|scrypt/i);
    const markdown = await readFile(path.join(folder, 'posts', 'first-light.md'), 'utf8');
    expect(markdown).toMatch(
      /^---\ntitle: First light with a new telescope\nslug: first-light\nstatus: published\n/,
    );

    const report = await target.importSource(folder);
    expect(report.format).toBe('inkwell');
    expect(report.counts.posts.created).toBe(5);
    const original = await contentOf(source);
    // The featured image WordPress gave a post is its cover, and the export carries it over.
    expect(original.posts.find((post) => post.slug === 'cutting-dovetails-by-hand')).toMatchObject({
      coverImage: { hash: expect.any(String) },
      coverAlt: 'Tails marked out on a pine board',
    });
    expect(await contentOf(target)).toEqual(original);

    const again = await target.importSource(folder);
    expect(totals(again)).toMatchObject({ created: 0, updated: 0, skipped: 0 });
  });
});
