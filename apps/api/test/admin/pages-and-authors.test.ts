import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AdminTestApi, startAdminTestApi } from './admin-test-api.js';

/** Static pages and author pages as readers see them, right after the writes that change them. */
describe('static pages and authors', () => {
  let api: AdminTestApi;
  beforeAll(async () => {
    api = await startAdminTestApi('pglite');
  });
  afterAll(async () => {
    await api?.close();
  });

  const publish = async (id: number, version: number) =>
    api.as(api.admin, 'post', `/api/admin/posts/${id}/publish`).send({ version }).expect(200);

  const createPage = async (title: string, body: string, slug?: string) => {
    const created = await api
      .as(api.admin, 'post', '/api/admin/posts')
      .send({ kind: 'page', title, body, ...(slug ? { slug } : {}) })
      .expect(201);
    await publish(created.body.id, created.body.version);
    return created.body as { id: number; slug: string };
  };

  test('a published page has its own address, is in the navigation and search, not in listings', async () => {
    // Warm every read first: the write must drop them.
    await api.http.get('/api/pages').expect(200);
    await api.http.get('/api/pages/about').expect(404);
    await api.http.get('/api/search?q=zebrafish').expect(200);
    const listingBefore = await api.http.get('/api/posts?pageSize=50').expect(200);

    const page = await createPage(
      'About this blog',
      'Written by a **zebrafish** enthusiast.',
      'about',
    );

    const nav = await api.http.get('/api/pages').expect(200);
    expect(nav.body.items).toEqual([{ id: page.id, slug: 'about', title: 'About this blog' }]);
    const shown = await api.http.get('/api/pages/about').expect(200);
    expect(shown.body.page.html).toContain('<strong>zebrafish</strong>');

    const listing = await api.http.get('/api/posts?pageSize=50').expect(200);
    expect(listing.body.total).toBe(listingBefore.body.total);
    expect(listing.body.items.map((item: { slug: string }) => item.slug)).not.toContain('about');
    await api.http.get('/api/posts/about').expect(404);

    const found = await api.http.get('/api/search?q=zebrafish').expect(200);
    expect(found.body.hits).toEqual([
      expect.objectContaining({ kind: 'post', slug: 'about', path: '/about' }),
    ]);
  });

  test('a page may not take an address the site serves, nor have categories', async () => {
    const refused = await api
      .as(api.admin, 'post', '/api/admin/posts')
      .send({ kind: 'page', title: 'Search', slug: 'search' })
      .expect(400);
    expect(refused.body.fields).toEqual({ slug: expect.stringContaining('site uses itself') });

    const withCategory = await api
      .as(api.admin, 'post', '/api/admin/posts')
      .send({ kind: 'page', title: 'Rusty', categories: ['rust'] })
      .expect(400);
    expect(withCategory.body.fields).toEqual({ categories: 'a page has no categories' });

    // Without a slug, a title like a route gets the next free one.
    const titled = await api
      .as(api.admin, 'post', '/api/admin/posts')
      .send({ kind: 'page', title: 'Search' })
      .expect(201);
    expect(titled.body.slug).toBe('search-2');
    expect(titled.body.kind).toBe('page');
  });

  test("a renamed page's old address answers 301 to the new one, right after the write", async () => {
    const page = await createPage('Colophon', 'Set in a **serif**.', 'colophon');
    // Warm the old address first: the rename must drop it.
    await api.http.get('/api/pages/colophon').expect(200);
    const { version } = (await api.as(api.admin, 'get', `/api/admin/posts/${page.id}`).expect(200))
      .body;
    await api
      .as(api.admin, 'put', `/api/admin/posts/${page.id}`)
      .send({ version, slug: 'how-it-is-made' })
      .expect(200);

    const moved = await api.http.get('/api/pages/colophon').expect(301);
    expect(moved.headers.location).toBe('/api/pages/how-it-is-made');
    expect(moved.body).toMatchObject({ statusCode: 301, slug: 'how-it-is-made' });
    const shown = await api.http.get('/api/pages/how-it-is-made').expect(200);
    expect(shown.body.page.html).toContain('<strong>serif</strong>');
    // A page's old slug is no post's address.
    await api.http.get('/api/posts/colophon').expect(404);
    // The other tests see the navigation without it.
    await api.as(api.admin, 'delete', `/api/admin/posts/${page.id}`).expect(204);
  });

  test('the settings order the navigation, seen at once', async () => {
    const uses = await createPage('Uses', 'My desk.', 'uses');
    const about = await api.db.prisma.post.findUniqueOrThrow({ where: { slug: 'about' } });
    const order = async () =>
      (await api.http.get('/api/pages').expect(200)).body.items.map(
        (item: { slug: string }) => item.slug,
      );
    expect(await order()).toEqual(['about', 'uses']);
    await api
      .as(api.admin, 'patch', '/api/admin/settings')
      .send({ pageOrder: [uses.id, about.id] })
      .expect(200);
    expect(await order()).toEqual(['uses', 'about']);

    const bad = await api
      .as(api.admin, 'patch', '/api/admin/settings')
      .send({ pageOrder: ['about'] })
      .expect(400);
    expect(Object.keys(bad.body.fields)).toEqual([expect.stringMatching(/^pageOrder/)]);
  });

  test("a byline links to the author's page; a new name shows everywhere right after the write", async () => {
    const created = await api
      .as(api.author, 'post', '/api/admin/posts')
      .send({ title: 'Notes on lifetimes', body: 'Borrowing.', categories: ['rust'] })
      .expect(201);
    await api
      .as(api.author, 'post', `/api/admin/posts/${created.body.id}/publish`)
      .send({ version: created.body.version })
      .expect(200);
    const profile = await api.as(api.author, 'get', '/api/admin/account').expect(200);
    const slug = profile.body.slug as string;
    expect(slug).toBe('author');

    const reads = {
      listing: async () =>
        (await api.http.get('/api/posts').expect(200)).body.items.find(
          (item: { slug: string }) => item.slug === created.body.slug,
        ).author,
      category: async () =>
        (await api.http.get('/api/posts?category=rust').expect(200)).body.items.find(
          (item: { slug: string }) => item.slug === created.body.slug,
        ).author,
      post: async () =>
        (await api.http.get(`/api/posts/${created.body.slug}`).expect(200)).body.post.author,
      authorPosts: async () =>
        (await api.http.get(`/api/posts?author=${slug}`).expect(200)).body.items[0].author,
      authorPage: async () => {
        const res = await api.http.get(`/api/authors/${slug}`).expect(200);
        return { slug: res.body.slug, name: res.body.name };
      },
    };
    for (const read of Object.values(reads)) expect(await read()).toEqual({ slug, name: 'author' });

    await api
      .as(api.author, 'patch', '/api/admin/account')
      .send({ name: 'Ferris Crab', bio: 'Writes about *ownership*.' })
      .expect(200);
    for (const read of Object.values(reads)) {
      expect(await read()).toEqual({ slug, name: 'Ferris Crab' });
    }
    const page = await api.http.get(`/api/authors/${slug}`).expect(200);
    expect(page.body).toMatchObject({ postCount: 1, avatar: null });
    expect(page.body.bioHtml).toContain('<em>ownership</em>');

    // A new address: the old one is gone at once, the bylines follow.
    await api.as(api.author, 'patch', '/api/admin/account').send({ slug: 'ferris' }).expect(200);
    await api.http.get(`/api/authors/${slug}`).expect(404);
    await api.http.get('/api/authors/ferris').expect(200);
    expect(
      (await api.http.get(`/api/posts/${created.body.slug}`).expect(200)).body.post.author,
    ).toEqual({ slug: 'ferris', name: 'Ferris Crab' });
  });

  test('an admin renaming a user changes their bylines at once', async () => {
    const before = await api.http.get('/api/authors/ferris').expect(200);
    expect(before.body.name).toBe('Ferris Crab');
    await api
      .as(api.admin, 'patch', `/api/admin/users/${api.author.userId}`)
      .send({ name: 'Ferris the Crab' })
      .expect(200);
    expect((await api.http.get('/api/authors/ferris').expect(200)).body.name).toBe(
      'Ferris the Crab',
    );
    const listing = await api.http.get('/api/posts?author=ferris').expect(200);
    expect(listing.body.author).toEqual({ slug: 'ferris', name: 'Ferris the Crab' });
  });

  test("a deleted author's posts show their heir's byline at once", async () => {
    const writer = await api.addUser('writer@example.com', 'AUTHOR');
    const draft = await api
      .as(writer, 'post', '/api/admin/posts')
      .send({ title: 'Handed over', body: 'Text.' })
      .expect(201);
    await api
      .as(writer, 'post', `/api/admin/posts/${draft.body.id}/publish`)
      .send({ version: draft.body.version })
      .expect(200);
    const byline = async () =>
      (await api.http.get(`/api/posts/${draft.body.slug}`).expect(200)).body.post.author;
    expect(await byline()).toEqual({ slug: 'writer', name: 'writer' });
    await api.http.get('/api/authors/writer').expect(200);

    await api
      .as(api.admin, 'delete', `/api/admin/users/${writer.userId}?reassignTo=${api.admin.userId}`)
      .expect(204);
    const admin = await api.as(api.admin, 'get', '/api/admin/account').expect(200);
    expect(await byline()).toEqual({ slug: admin.body.slug, name: admin.body.name });
    await api.http.get('/api/authors/writer').expect(404);
  });

  test('profile edits are validated field by field', async () => {
    const badSlug = await api
      .as(api.author, 'patch', '/api/admin/account')
      .send({ slug: 'Not A Slug' })
      .expect(400);
    expect(Object.keys(badSlug.body.fields)).toEqual(['slug']);
    const badImage = await api
      .as(api.author, 'patch', '/api/admin/account')
      .send({ avatarImageId: 999_999 })
      .expect(400);
    expect(badImage.body.fields).toEqual({ avatarImageId: 'must be an uploaded image' });
    const taken = await api
      .as(api.admin, 'patch', '/api/admin/account')
      .send({ slug: 'ferris' })
      .expect(409);
    expect(taken.body.fields).toEqual({ slug: expect.any(String) });
    await api.http.get('/api/admin/account').expect(401);
  });

  test('someone with no published post has no author page; an unknown author no listing', async () => {
    const reader = await api.addUser('no-posts@example.com', 'AUTHOR');
    const profile = await api.as(reader, 'get', '/api/admin/account').expect(200);
    await api.http.get(`/api/authors/${profile.body.slug}`).expect(404);
    await api.http.get('/api/posts?author=nobody-here').expect(404);
    const bad = await api.http.get('/api/posts?author=Not%20Valid').expect(400);
    expect(bad.body.message).toContain('author');
  });

  test('a listing asked for content=html carries each rendered body', async () => {
    const res = await api.http.get('/api/posts?author=ferris&content=html').expect(200);
    expect(res.body.items[0].html).toBe('<p>Borrowing.</p>\n');
    const plain = await api.http.get('/api/posts?author=ferris').expect(200);
    expect(plain.body.items[0].html).toBeUndefined();
  });
});
