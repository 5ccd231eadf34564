import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPostSchema } from '@inkwell/contract';
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
      kind: true,
      title: true,
      summary: true,
      body: true,
      status: true,
      publishedAt: true,
      categories: { select: { category: { select: { slug: true } } } },
      coverImage: { select: { hash: true } },
      coverAlt: true,
      author: { select: { email: true } },
      series: { select: { slug: true, name: true } },
      seriesPart: true,
      revisions: {
        orderBy: { id: 'asc' },
        select: {
          title: true,
          summary: true,
          body: true,
          categories: true,
          pending: true,
          createdAt: true,
          author: { select: { email: true } },
          series: { select: { slug: true } },
          seriesPart: true,
          coverImage: { select: { hash: true } },
          coverAlt: true,
        },
      },
    },
  });
  const users = await prisma.user.findMany({
    orderBy: { email: 'asc' },
    select: {
      email: true,
      name: true,
      role: true,
      slug: true,
      bio: true,
      avatarImage: { select: { hash: true } },
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
  // From the database: the API's settings answer may be a memo another test API filled.
  const {
    id: _id,
    updatedAt: _updatedAt,
    ...settings
  } = await prisma.siteSettings.findUniqueOrThrow({
    where: { id: 1 },
    omit: { logoImageId: true, faviconImageId: true },
    include: { logoImage: { select: { hash: true } }, faviconImage: { select: { hash: true } } },
  });
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
    users,
    series: await prisma.series.findMany({
      orderBy: { slug: 'asc' },
      select: { slug: true, name: true },
    }),
    settings: {
      ...settings,
      // Ids differ between databases: the pages named, in their order.
      pageOrder: await slugsOf(api, settings.pageOrder),
    },
    redirects,
    images: await prisma.image.findMany({ orderBy: { hash: 'asc' }, select: { hash: true } }),
  };
}

async function slugsOf(api: TransferTestApi, ids: number[]): Promise<string[]> {
  const rows = await api.db.prisma.post.findMany({
    where: { id: { in: ids } },
    select: { id: true, slug: true },
  });
  return ids.map((id) => rows.find((row) => row.id === id)!.slug);
}

/**
 * What came in later than the first export format: a series with a part, a page in the
 * navigation order, full-content feeds, an author with a profile, an edited post with a pending
 * draft (with a cover of its own).
 */
async function addNewerFeatures(api: TransferTestApi): Promise<void> {
  const { services } = api;
  const admin = await api.db.prisma.user.findUniqueOrThrow({
    where: { email: 'admin@example.com' },
    select: { id: true, role: true },
  });
  const avatar = await api.db.prisma.image.findFirstOrThrow({ orderBy: { hash: 'asc' } });
  await services.profiles.update(admin.id, {
    slug: 'ada',
    bio: 'Watches the sky.',
    avatarImageId: avatar.id,
  });
  const bea = await services.users.create({
    email: 'bea@example.com',
    name: 'Bea',
    role: 'AUTHOR',
  });
  await services.profiles.update(bea.id, { slug: 'bea-writes', bio: 'Edits.' });

  await services.series.create({ name: 'Night sky', slug: 'night-sky' });
  const post = await api.db.prisma.post.findUniqueOrThrow({ where: { slug: 'first-light' } });
  let view = await services.posts.get(post.id, admin);
  view = await services.posts.update(
    post.id,
    { version: view.version, summary: 'A first look.', series: { slug: 'night-sky', part: 2 } },
    admin,
  );
  // The draft gives the post a cover that readers see only once it is published.
  await services.posts.saveDraft(
    post.id,
    {
      version: view.version,
      title: 'First light, revisited',
      coverImageId: avatar.id,
      coverAlt: 'The first light',
    },
    admin,
  );

  const page = await services.posts.create(
    createPostSchema.parse({
      kind: 'page',
      title: 'About',
      slug: 'about',
      body: 'Who writes here.',
    }),
    { id: bea.id, role: 'AUTHOR' },
  );
  await services.posts.publish(page.id, { version: page.version }, { id: bea.id, role: 'AUTHOR' });
  await services.settings.update({ fullContentFeeds: true, pageOrder: [page.id] });
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

  test('reproduces posts, pages, series, revisions, author profiles, comments, categories, settings, images and redirects', async () => {
    await source.importSource('wordpress/export.xml');
    await source.importSource('markdown/hugo');
    const logo = await source.db.prisma.image.findFirstOrThrow();
    await source.services.settings.update({
      ownerName: 'Ada',
      logoImageId: logo.id,
      navigation: [{ label: 'About', url: '/posts/first-light' }],
      holdFirstComments: false,
    });
    await addNewerFeatures(source);

    const exported = await source.exportTo(folder);
    expect(exported).toMatchObject({ posts: 5, pages: 1, series: 1, comments: 3, images: 2 });
    expect(exported).toMatchObject({ users: 2 });
    await expect(readFile(path.join(folder, 'pages', 'about.md'), 'utf8')).resolves.toMatch(
      /^---\ntitle: About\nslug: about\nstatus: published\n/,
    );
    expect((await readdir(path.join(folder, 'posts'))).sort()).toContain(
      'cutting-dovetails-by-hand.md',
    );
    const manifest = await readFile(path.join(folder, 'manifest.json'), 'utf8');
    expect(manifest).not.toMatch(/password|scrypt/i);
    const markdown = await readFile(path.join(folder, 'posts', 'first-light.md'), 'utf8');
    expect(markdown).toMatch(
      /^---\ntitle: First light with a new telescope\nslug: first-light\nstatus: published\n/,
    );

    const empty = await contentOf(target);
    const planned = await target.importSource(folder, { dryRun: true });
    expect(planned.counts).toMatchObject({
      posts: { created: 5 },
      pages: { created: 1 },
      series: { created: 1 },
      users: { created: 1, updated: 1 },
      revisions: { created: await source.db.prisma.postRevision.count() },
    });
    expect(await contentOf(target)).toEqual(empty);

    const report = await target.importSource(folder);
    expect(report.format).toBe('inkwell');
    expect(report.counts.posts.created).toBe(5);
    expect(report.counts.pages.created).toBe(1);
    const original = await contentOf(source);
    // The featured image WordPress gave a post is its cover, and the export carries it over.
    expect(original.posts.find((post) => post.slug === 'cutting-dovetails-by-hand')).toMatchObject({
      coverImage: { hash: expect.any(String) },
      coverAlt: 'Tails marked out on a pine board',
    });
    const firstLight = original.posts.find((post) => post.slug === 'first-light');
    expect(firstLight).toMatchObject({
      series: { slug: 'night-sky' },
      seriesPart: 2,
      revisions: expect.arrayContaining([
        expect.objectContaining({ title: 'First light, revisited', pending: true }),
      ]),
    });
    expect(original.users).toContainEqual(
      expect.objectContaining({
        email: 'admin@example.com',
        slug: 'ada',
        avatarImage: expect.anything(),
      }),
    );
    expect(original.settings).toMatchObject({ fullContentFeeds: true, pageOrder: ['about'] });
    expect(await contentOf(target)).toEqual(original);
    // The page is a page again: its own address, and no listing shows it.
    await target.http.get('/api/pages/about').expect(200);
    const listing = (await target.http.get('/api/posts?pageSize=50').expect(200)).body;
    expect(listing.items.map((item: { slug: string }) => item.slug)).not.toContain('about');
    const author = (await target.http.get('/api/authors/ada').expect(200)).body;
    expect(author).toMatchObject({
      bioHtml: expect.stringContaining('Watches the sky.'),
      avatar: { url: expect.any(String) },
    });

    const again = await target.importSource(folder);
    expect(totals(again)).toMatchObject({ created: 0, updated: 0, skipped: 0 });
  });
});

describe.each(engineKinds)(
  'import of an export written before pages, series and revisions (%s)',
  (kind) => {
    let target: TransferTestApi;
    beforeAll(async () => {
      target = await startEmptyBlog(kind);
    }, 120_000);
    afterAll(async () => {
      await target?.close();
    });

    test('brings in its posts and accounts, and leaves what it does not carry as it was', async () => {
      await target.services.settings.update({ fullContentFeeds: true });

      const report = await target.importSource('inkwell-v1');
      expect(report.format).toBe('inkwell');
      expect(report.counts).toMatchObject({
        posts: { created: 1 },
        users: { created: 1, unchanged: 1 },
        comments: { created: 1 },
        redirects: { created: 1 },
      });
      const post = await target.db.prisma.post.findUniqueOrThrow({
        where: { slug: 'planing-a-board' },
        select: {
          kind: true,
          status: true,
          seriesId: true,
          author: { select: { email: true, name: true, role: true } },
          revisions: { select: { title: true, pending: true } },
        },
      });
      expect(post).toEqual({
        kind: 'POST',
        status: 'PUBLISHED',
        seriesId: null,
        author: { email: 'old@example.com', name: 'Olga', role: 'AUTHOR' },
        revisions: [{ title: 'Planing a board flat', pending: false }],
      });
      const settings = await target.db.prisma.siteSettings.findUniqueOrThrow({ where: { id: 1 } });
      expect(settings).toMatchObject({ title: 'Notes from the shed', fullContentFeeds: true });

      const again = await target.importSource('inkwell-v1');
      expect(totals(again)).toMatchObject({ created: 0, updated: 0, skipped: 0 });
    });
  },
);
