import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { engineKinds } from '../test-api.js';
import { type AdminTestApi, startAdminTestApi } from './admin-test-api.js';

/** Revisions, private edits of published posts, and preview links, as authors and readers see them. */
describe.each(engineKinds)('post revisions and drafts on %s', (kind) => {
  let api: AdminTestApi;
  beforeAll(async () => {
    api = await startAdminTestApi(kind);
  });
  afterAll(async () => {
    await api?.close();
  });

  const publishedPost = (title: string, body: string) =>
    api.publishedPost({ title, body, categories: ['rust'] });
  const readerSees = async (slug: string) =>
    (await api.http.get(`/api/posts/${slug}`).expect(200)).body.post;
  const searchHits = async (q: string) =>
    ((await api.http.get(`/api/search?q=${q}`).expect(200)).body.hits as Array<{ slug: string }>)
      .map((hit) => hit.slug)
      .filter((slug, index, all) => all.indexOf(slug) === index);

  test('every save keeps a revision with who saved it, newest first, with its whole text', async () => {
    const post = await api.createPost({
      title: 'History',
      body: 'first text',
      categories: ['rust'],
    });
    await api
      .as(api.admin, 'put', `/api/admin/posts/${post.id}`)
      .send({ version: post.version, title: 'History, edited', body: 'second text' })
      .expect(200);
    const list = await api.as(api.author, 'get', `/api/admin/posts/${post.id}/revisions`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject([
      { title: 'History, edited', author: { id: api.admin.userId }, pending: false },
      { title: 'History', author: { id: api.author.userId }, pending: false },
    ]);
    const first = await api
      .as(api.author, 'get', `/api/admin/posts/${post.id}/revisions/${list.body[1].id}`)
      .expect(200);
    expect(first.body).toMatchObject({ body: 'first text', categories: ['rust'], summary: '' });
    await api
      .as(api.author, 'get', `/api/admin/posts/${post.id}/revisions/${list.body[1].id + 100000}`)
      .expect(404);
    await api.as(api.author, 'get', `/api/admin/posts/${post.id}/revisions/nope`).expect(404);
  });

  test('a draft edit of a published post stays out of the page, listing and search until it is published', async () => {
    const post = await publishedPost('Quiet edits', 'The original aardvark text.');
    expect((await readerSees(post.slug)).html).toContain('aardvark');
    api.events.length = 0;
    const saved = await api
      .as(api.author, 'put', `/api/admin/posts/${post.id}/draft`)
      .send({
        version: post.version,
        title: 'Quiet edits, revised',
        body: 'A new zeppelinoid text.',
      })
      .expect(200);
    expect(saved.body).toMatchObject({
      title: 'Quiet edits',
      body: 'The original aardvark text.',
      version: post.version + 1,
      updatedAt: post.updatedAt,
      pendingDraft: {
        title: 'Quiet edits, revised',
        body: 'A new zeppelinoid text.',
        pending: true,
      },
    });
    expect(api.events).toEqual([]);
    const page = await readerSees(post.slug);
    expect(page.title).toBe('Quiet edits');
    expect(page.html).toContain('aardvark');
    expect(page.updatedAt).toBe(post.updatedAt);
    const listing = (await api.http.get('/api/posts?pageSize=50').expect(200)).body.items;
    expect(listing.find((item: { slug: string }) => item.slug === post.slug).title).toBe(
      'Quiet edits',
    );
    expect(await searchHits('zeppelinoid')).toEqual([]);

    // A second draft save replaces the pending one; the first stays in the history.
    await api
      .as(api.author, 'put', `/api/admin/posts/${post.id}/draft`)
      .send({ version: saved.body.version, body: 'A newer zeppelinoid text.' })
      .expect(200);
    const history = (await api.as(api.author, 'get', `/api/admin/posts/${post.id}/revisions`)).body;
    expect(history.map((r: { pending: boolean }) => r.pending)).toEqual([true, false, false]);

    const editor = (await api.as(api.author, 'get', `/api/admin/posts/${post.id}`).expect(200))
      .body;
    expect(editor.pendingDraft).toMatchObject({
      title: 'Quiet edits, revised',
      body: 'A newer zeppelinoid text.',
    });
    const updated = await api
      .as(api.author, 'put', `/api/admin/posts/${post.id}`)
      .send({
        version: editor.version,
        title: editor.pendingDraft.title,
        body: editor.pendingDraft.body,
      })
      .expect(200);
    expect(updated.body.pendingDraft).toBeNull();
    const after = await readerSees(post.slug);
    expect(after.title).toBe('Quiet edits, revised');
    expect(after.html).toContain('newer zeppelinoid');
    expect(await searchHits('zeppelinoid')).toEqual([post.slug]);
  });

  test('a stale draft save is a 409; bad input a 400 naming the field; someone else’s post a 403', async () => {
    const post = await publishedPost('Guarded drafts', 'text');
    await api
      .as(api.author, 'put', `/api/admin/posts/${post.id}/draft`)
      .send({ version: post.version - 1, body: 'x' })
      .expect(409);
    const bad = await api
      .as(api.author, 'put', `/api/admin/posts/${post.id}/draft`)
      .send({ version: post.version, title: '' })
      .expect(400);
    expect(Object.keys(bad.body.fields)).toEqual(['title']);
    const unknown = await api
      .as(api.author, 'put', `/api/admin/posts/${post.id}/draft`)
      .send({ version: post.version, categories: ['nope'] })
      .expect(400);
    expect(unknown.body.fields).toEqual({ categories: 'unknown category: nope' });
    const other = await api.addUser('other-drafts@example.com', 'AUTHOR');
    await api
      .as(other, 'put', `/api/admin/posts/${post.id}/draft`)
      .send({ version: post.version, body: 'mine now' })
      .expect(403);
    await api.as(other, 'post', `/api/admin/posts/${post.id}/preview-links`).expect(403);
  });

  test('a draft keeps a new series place and cover private but in its preview; Update publishes them, discarding drops them', async () => {
    const seriesNamed = async (name: string) =>
      (await api.as(api.author, 'post', '/api/admin/series').send({ name }).expect(201)).body
        .slug as string;
    const uploaded = async (name: string, background: string) => {
      const bytes = await sharp({
        create: { width: 64, height: 48, channels: 3, background },
      })
        .jpeg()
        .toBuffer();
      return (
        await api
          .as(api.author, 'post', '/api/admin/images')
          .attach('file', bytes, name)
          .expect(201)
      ).body as { id: number; hash: string };
    };
    const [oldSeries, newSeries] = [
      await seriesNamed('Placed once'),
      await seriesNamed('Placed twice'),
    ];
    const [oldCover, newCover] = [
      await uploaded('old-cover.jpg', '#336699'),
      await uploaded('new-cover.jpg', '#996633'),
    ];
    const post = await api.publishedPost({
      title: 'Placed post',
      series: { slug: oldSeries, part: 1 },
      coverImageId: oldCover.id,
      coverAlt: 'The old cover',
    });
    const readerPlacement = async () => {
      const seen = (await api.http.get(`/api/posts/${post.slug}`).expect(200)).body;
      return { series: seen.series?.slug ?? null, cover: seen.post.cover };
    };
    const published = {
      series: oldSeries,
      cover: { hash: oldCover.hash, width: 64, height: 48, alt: 'The old cover' },
    };
    expect(await readerPlacement()).toEqual(published);

    api.events.length = 0;
    const drafted = (
      await api
        .as(api.author, 'put', `/api/admin/posts/${post.id}/draft`)
        .send({
          version: post.version,
          series: { slug: newSeries, part: 2 },
          coverImageId: newCover.id,
          coverAlt: 'The new cover',
        })
        .expect(200)
    ).body;
    expect(drafted).toMatchObject({
      series: { slug: oldSeries, part: 1 },
      cover: { id: oldCover.id },
      coverAlt: 'The old cover',
      pendingDraft: {
        series: { slug: newSeries, part: 2 },
        cover: { id: newCover.id, hash: newCover.hash },
        coverAlt: 'The new cover',
      },
    });
    expect(api.events).toEqual([]);
    expect(await readerPlacement()).toEqual(published);

    // Its preview link shows the draft's place and cover, among the parts readers see.
    const firstPart = await api.publishedPost({
      title: 'Placed first',
      series: { slug: newSeries, part: 1 },
    });
    const { token } = (
      await api.as(api.author, 'post', `/api/admin/posts/${post.id}/preview-links`).expect(201)
    ).body;
    expect((await api.http.get(`/api/preview/${token}`).expect(200)).body).toMatchObject({
      cover: { hash: newCover.hash, width: 64, height: 48, alt: 'The new cover' },
      series: {
        slug: newSeries,
        position: 2,
        parts: [
          { slug: firstPart.slug, title: 'Placed first' },
          { slug: post.slug, title: 'Placed post' },
        ],
      },
    });

    const draft = drafted.pendingDraft;
    await api
      .as(api.author, 'put', `/api/admin/posts/${post.id}`)
      .send({
        version: drafted.version,
        series: { slug: draft.series.slug, part: draft.series.part },
        coverImageId: draft.cover.id,
        coverAlt: draft.coverAlt,
      })
      .expect(200);
    const updated = {
      series: newSeries,
      cover: { hash: newCover.hash, width: 64, height: 48, alt: 'The new cover' },
    };
    expect(await readerPlacement()).toEqual(updated);

    const editor = (await api.as(api.author, 'get', `/api/admin/posts/${post.id}`)).body;
    await api
      .as(api.author, 'put', `/api/admin/posts/${post.id}/draft`)
      .send({ version: editor.version, series: null, coverImageId: null, coverAlt: '' })
      .expect(200);
    await api.as(api.author, 'delete', `/api/admin/posts/${post.id}/draft`).expect(204);
    const discarded = (await api.as(api.author, 'get', `/api/admin/posts/${post.id}`)).body;
    expect(discarded).toMatchObject({
      series: { slug: newSeries, part: 2 },
      cover: { id: newCover.id },
      coverAlt: 'The new cover',
      pendingDraft: null,
    });
    expect(await readerPlacement()).toEqual(updated);
  });

  test('discarding the draft leaves the published text in the editor and the draft in the history', async () => {
    const post = await publishedPost('Second thoughts', 'kept');
    await api
      .as(api.author, 'put', `/api/admin/posts/${post.id}/draft`)
      .send({ version: post.version, body: 'dropped' })
      .expect(200);
    await api.as(api.author, 'delete', `/api/admin/posts/${post.id}/draft`).expect(204);
    const editor = (await api.as(api.author, 'get', `/api/admin/posts/${post.id}`)).body;
    expect(editor).toMatchObject({ body: 'kept', pendingDraft: null });
    const history = (await api.as(api.author, 'get', `/api/admin/posts/${post.id}/revisions`)).body;
    expect(history).toHaveLength(2);
    expect(history.every((r: { pending: boolean }) => !r.pending)).toBe(true);
  });

  test('restoring a revision saves its text as a new one; on a published post, as the pending draft', async () => {
    const post = await api.createPost({ title: 'Restorable', body: 'version one' });
    const edited = await api
      .as(api.author, 'put', `/api/admin/posts/${post.id}`)
      .send({ version: post.version, body: 'version two' })
      .expect(200);
    const [, oldest] = (await api.as(api.author, 'get', `/api/admin/posts/${post.id}/revisions`))
      .body;
    const restored = await api
      .as(api.author, 'post', `/api/admin/posts/${post.id}/revisions/${oldest.id}/restore`)
      .send({ version: edited.body.version })
      .expect(200);
    expect(restored.body).toMatchObject({ body: 'version one', pendingDraft: null });
    const history = (await api.as(api.author, 'get', `/api/admin/posts/${post.id}/revisions`)).body;
    expect(history).toHaveLength(3);

    const published = (
      await api
        .as(api.author, 'post', `/api/admin/posts/${post.id}/publish`)
        .send({ version: restored.body.version })
        .expect(200)
    ).body;
    const second = history[1];
    const back = await api
      .as(api.author, 'post', `/api/admin/posts/${post.id}/revisions/${second.id}/restore`)
      .send({ version: published.version })
      .expect(200);
    expect(back.body).toMatchObject({
      body: 'version one',
      pendingDraft: { body: 'version two', pending: true },
    });
    expect((await readerSees(post.slug)).html).toContain('version one');
    await api
      .as(api.author, 'post', `/api/admin/posts/${post.id}/revisions/${second.id}/restore`)
      .send({})
      .expect(400);
  });

  test('a preview link shows the draft to anyone, unstored and unindexed, until it is revoked', async () => {
    const post = await publishedPost('Shared preview', 'public words');
    await api
      .as(api.author, 'put', `/api/admin/posts/${post.id}/draft`)
      .send({ version: post.version, title: 'Shared preview, next', body: 'secret **words**' })
      .expect(200);
    const created = await api
      .as(api.author, 'post', `/api/admin/posts/${post.id}/preview-links`)
      .expect(201);
    expect(created.body).toMatchObject({ createdBy: { id: api.author.userId } });
    const { token } = created.body;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await api.db.prisma.previewLink.findUniqueOrThrow({
      where: { id: created.body.id },
    });
    expect(stored.tokenHash).not.toContain(token);

    const shown = await api.http.get(`/api/preview/${token}`).expect(200);
    expect(shown.body).toMatchObject({
      title: 'Shared preview, next',
      state: 'published',
      pendingEdit: true,
      categories: [{ slug: 'rust', name: 'Rust' }],
    });
    expect(shown.body.html).toContain('<strong>words</strong>');
    expect(shown.headers['cache-control']).toBe('private, no-store');
    expect(shown.headers['x-robots-tag']).toMatch(/noindex/);
    expect(shown.headers['surrogate-key']).toBeUndefined();

    const links = await api
      .as(api.author, 'get', `/api/admin/posts/${post.id}/preview-links`)
      .expect(200);
    expect(links.body).toEqual([
      {
        id: created.body.id,
        createdAt: created.body.createdAt,
        createdBy: created.body.createdBy,
      },
    ]);
    await api
      .as(api.author, 'delete', `/api/admin/posts/${post.id}/preview-links/${created.body.id}`)
      .expect(204);
    await api.http.get(`/api/preview/${token}`).expect(404);
    await api
      .as(api.author, 'delete', `/api/admin/posts/${post.id}/preview-links/${created.body.id}`)
      .expect(404);
    await api.http.get(`/api/preview/${'x'.repeat(43)}`).expect(404);
    await api.http.get('/api/preview/short').expect(404);
  });

  test('a draft post shows through its preview link as saved', async () => {
    const post = await api.createPost({ title: 'Not yet out', body: 'draft body' });
    const { token } = (
      await api.as(api.author, 'post', `/api/admin/posts/${post.id}/preview-links`).expect(201)
    ).body;
    const shown = await api.http.get(`/api/preview/${token}`).expect(200);
    expect(shown.body).toMatchObject({
      title: 'Not yet out',
      state: 'draft',
      pendingEdit: false,
      publishedAt: null,
    });
    await api.http.get(`/api/posts/${post.slug}`).expect(404);
  });
});
