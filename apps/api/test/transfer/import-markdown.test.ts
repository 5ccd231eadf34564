import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { engineKinds } from '../test-api.js';
import { startEmptyBlog, totals, type TransferTestApi } from './transfer-test-api.js';

/* Folders as Hugo, Jekyll, Astro and Eleventy keep their posts, each imported on its own. */
describe.each(engineKinds)('importing folders of Markdown files (%s)', (kind) => {
  let api: TransferTestApi;
  beforeAll(async () => {
    api = await startEmptyBlog(kind);
  });
  afterAll(async () => {
    await api?.close();
  });

  const moved = async (path: string) =>
    (await api.http.get('/api/redirects').query({ path }).expect(301)).body.slug as string;

  test('Hugo: front matter, page bundle image, aliases, TOML skipped with a warning', async () => {
    const report = await api.importSource('markdown/hugo');
    expect(report.format).toBe('markdown');
    expect(report.counts.posts.created).toBe(2);
    expect(report.counts.images.created).toBe(1);
    expect(report.warnings.some((w) => w.includes('toml-notes.md: TOML front matter'))).toBe(true);

    const first = await api.http.get('/api/posts/first-light').expect(200);
    expect(first.body.post.summary).toBe('A clear night, a new refractor and Saturn.');
    expect(first.body.post.html).toContain('<table>');
    expect(first.body.post.categories.map((c: { slug: string }) => c.slug).sort()).toEqual([
      'astronomy',
      'gear',
    ]);
    const bundled = await api.http.get('/api/posts/bundled-notes').expect(200);
    const image = await api.db.prisma.image.findFirstOrThrow();
    expect(bundled.body.post.html).toContain(`/images/${image.hash}`);

    expect(await moved('/posts/first-light/')).toBe('first-light');
    expect(await moved('/2021/09/first-light/')).toBe('first-light');
  });

  test('Jekyll: dated file names, /YYYY/MM/DD/slug.html, unpublished posts stay drafts', async () => {
    const report = await api.importSource('markdown/jekyll');
    expect(report.counts.posts.created).toBe(2);
    const post = await api.http.get('/api/posts/hello-jekyll').expect(200);
    expect(post.body.post.publishedAt).toBe('2018-05-06T00:00:00.000Z');
    expect(await moved('/2018/05/06/hello-jekyll.html')).toBe('hello-jekyll');
    expect(await moved('/notes/2018/05/06/hello-jekyll.html')).toBe('hello-jekyll');
    await api.http.get('/api/posts/not-yet').expect(404);
  });

  test('Astro and Eleventy: their collections, public/ images, their permalinks', async () => {
    await api.importSource('markdown/astro');
    const island = await api.http.get('/api/posts/astro-islands').expect(200);
    expect(island.body.post.summary).toBe('Why most of a page needs no JavaScript.');
    expect(island.body.post.html).toMatch(/\/images\/[a-f0-9]{64}/);
    expect(await moved('/blog/astro-islands/')).toBe('astro-islands');

    await api.importSource('markdown/eleventy');
    await api.http.get('/api/posts/eleventy-notes').expect(200);
    expect(await moved('/posts/eleventy-notes/')).toBe('eleventy-notes');
  });

  test('a second run of each creates nothing', async () => {
    for (const folder of ['hugo', 'jekyll', 'astro', 'eleventy']) {
      const report = await api.importSource(`markdown/${folder}`);
      expect(totals(report), folder).toMatchObject({ created: 0, updated: 0 });
    }
    expect(await api.db.prisma.post.count()).toBe(6);
  });
});
