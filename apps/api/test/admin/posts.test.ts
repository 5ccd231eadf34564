import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { engineKinds } from '../test-api.js';
import { type AdminTestApi, startAdminTestApi } from './admin-test-api.js';

describe.each(engineKinds)('admin posts on %s', (kind) => {
  let api: AdminTestApi;
  beforeAll(async () => {
    api = await startAdminTestApi(kind);
  });
  afterAll(async () => {
    await api?.close();
  });

  test('create makes a draft with a slug from the title, filed under its categories', async () => {
    api.events.length = 0;
    const post = await api.createPost({
      title: 'Hello, Admin World!',
      body: '## Hi',
      categories: ['rust', 'python'],
    });
    expect(post).toMatchObject({
      slug: 'hello-admin-world',
      title: 'Hello, Admin World!',
      body: '## Hi',
      status: 'DRAFT',
      state: 'draft',
      publishedAt: null,
      version: 1,
      categories: [
        { slug: 'python', name: 'Python' },
        { slug: 'rust', name: 'Rust' },
      ],
      author: { id: api.author.userId, name: 'author' },
      previousSlugs: [],
    });
    expect(api.events).toEqual([
      {
        type: 'post.saved',
        payload: {
          postId: post.id,
          kind: 'post',
          slug: 'hello-admin-world',
          previousSlug: null,
          categorySlugs: ['python', 'rust'],
          previousCategorySlugs: [],
          published: false,
          wasPublished: false,
        },
      },
    ]);
    const again = await api.createPost({ title: 'Hello admin world' });
    expect(again.slug).toBe('hello-admin-world-2');
  });

  test('a taken slug is a 409 naming slug; a bad one a 400; unknown categories a 400', async () => {
    const res = await api
      .as(api.author, 'post', '/api/admin/posts')
      .send({ title: 'X', slug: 'post-1' })
      .expect(409);
    expect(res.body).toMatchObject({
      statusCode: 409,
      fields: { slug: 'is already used by another post' },
    });
    const bad = await api
      .as(api.author, 'post', '/api/admin/posts')
      .send({ title: 'X', slug: 'Not A Slug' })
      .expect(400);
    expect(Object.keys(bad.body.fields)).toEqual(['slug']);
    const cat = await api
      .as(api.author, 'post', '/api/admin/posts')
      .send({ title: 'X', categories: ['nope'] })
      .expect(400);
    expect(cat.body.fields).toEqual({ categories: 'unknown category: nope' });
    const empty = await api
      .as(api.author, 'post', '/api/admin/posts')
      .send({ body: 'no title' })
      .expect(400);
    expect(empty.body.fields.title).toBeDefined();
  });

  test('a save on the current version bumps it; a stale one is a 409 with the current post', async () => {
    const post = await api.createPost({ title: 'Concurrent', body: 'v1', categories: ['rust'] });
    const first = await api
      .as(api.author, 'put', `/api/admin/posts/${post.id}`)
      .send({ version: 1, body: 'edit from tab A' })
      .expect(200);
    expect(first.body).toMatchObject({ version: 2, body: 'edit from tab A', title: 'Concurrent' });
    api.events.length = 0;
    const stale = await api
      .as(api.admin, 'put', `/api/admin/posts/${post.id}`)
      .send({ version: 1, body: 'edit from tab B' })
      .expect(409);
    expect(stale.body.message).toBe('The post was changed since version 1 (now version 2)');
    expect(stale.body.current).toMatchObject({
      id: post.id,
      title: 'Concurrent',
      body: 'edit from tab A',
      version: 2,
      categories: [{ slug: 'rust', name: 'Rust' }],
      updatedAt: first.body.updatedAt,
    });
    expect(api.events).toEqual([]);
    const stored = await api.as(api.author, 'get', `/api/admin/posts/${post.id}`).expect(200);
    expect(stored.body.body).toBe('edit from tab A');
    await api.as(api.author, 'put', `/api/admin/posts/${post.id}`).send({ body: 'x' }).expect(400);
  });

  test('two saves racing on one version: exactly one wins', async () => {
    const post = await api.createPost({ title: 'Race' });
    const results = await Promise.all(
      ['a', 'b', 'c'].map((tab) =>
        api.as(api.author, 'put', `/api/admin/posts/${post.id}`).send({ version: 1, body: tab }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const stored = await api.as(api.author, 'get', `/api/admin/posts/${post.id}`).expect(200);
    expect(stored.body.version).toBe(2);
  });

  test('renaming the slug keeps the old one redirecting, and the event names both', async () => {
    const post = await api.createPost({ title: 'Old name', categories: ['rust'] });
    await api
      .as(api.author, 'post', `/api/admin/posts/${post.id}/publish`)
      .send({ version: 1 })
      .expect(200);
    api.events.length = 0;
    const renamed = await api
      .as(api.author, 'put', `/api/admin/posts/${post.id}`)
      .send({ version: 2, slug: 'new-name', categories: ['python'] })
      .expect(200);
    expect(renamed.body).toMatchObject({ slug: 'new-name', previousSlugs: ['old-name'] });
    expect(api.events).toEqual([
      {
        type: 'post.saved',
        payload: {
          postId: post.id,
          kind: 'post',
          slug: 'new-name',
          previousSlug: 'old-name',
          categorySlugs: ['python'],
          previousCategorySlugs: ['rust'],
          published: true,
          wasPublished: true,
        },
      },
    ]);
    const { findRedirect } = await import('../../src/posts/post-redirects.js');
    expect(await findRedirect(api.db.prisma, 'old-name')).toBe('new-name');
    // Readers following an old link are sent to the new address.
    const moved = await api.http.get('/api/posts/old-name').expect(301);
    expect(moved.headers.location).toBe('/api/posts/new-name');
    expect(moved.body).toMatchObject({ statusCode: 301, slug: 'new-name' });
    expect(await findRedirect(api.db.prisma, 'never-existed')).toBeNull();
    // The old slug is free for a new post, which then wins over the redirect.
    const taker = await api.createPost({ title: 'Takes it', slug: 'old-name' });
    expect(taker.slug).toBe('old-name');
    expect(await findRedirect(api.db.prisma, 'old-name')).toBeNull();
  });

  test('publish now, schedule, unpublish: the public API follows', async () => {
    const post = await api.createPost({ title: 'Going public', body: 'Body' });
    await api.http.get('/api/posts/going-public').expect(404);
    api.events.length = 0;
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const scheduled = await api
      .as(api.author, 'post', `/api/admin/posts/${post.id}/publish`)
      .send({ version: 1, publishAt: future })
      .expect(200);
    expect(scheduled.body).toMatchObject({
      status: 'PUBLISHED',
      state: 'scheduled',
      publishedAt: future,
      version: 2,
    });
    expect(api.events[0]?.payload).toMatchObject({ published: false, wasPublished: false });
    await api.http.get('/api/posts/going-public').expect(404);
    const now = await api
      .as(api.author, 'post', `/api/admin/posts/${post.id}/publish`)
      .send({ version: 2 })
      .expect(200);
    expect(now.body.state).toBe('published');
    expect(api.events[1]?.payload).toMatchObject({ published: true, wasPublished: false });
    await api.http.get('/api/posts/going-public').expect(200);
    const draft = await api
      .as(api.author, 'post', `/api/admin/posts/${post.id}/unpublish`)
      .send({ version: 3 })
      .expect(200);
    expect(draft.body).toMatchObject({
      status: 'DRAFT',
      state: 'draft',
      publishedAt: null,
      version: 4,
    });
    expect(api.events[2]?.payload).toMatchObject({ published: false, wasPublished: true });
    await api.http.get('/api/posts/going-public').expect(404);
    await api
      .as(api.author, 'post', `/api/admin/posts/${post.id}/publish`)
      .send({ version: 3 })
      .expect(409);
    await api
      .as(api.author, 'post', `/api/admin/posts/${post.id}/publish`)
      .send({ version: 4, publishAt: 'tomorrow' })
      .expect(400);
  });

  test('delete removes the post and emits post.deleted', async () => {
    api.events.length = 0;
    const target = await api.db.prisma.post.findUniqueOrThrow({ where: { slug: 'post-3' } });
    await api.as(api.admin, 'delete', `/api/admin/posts/${target.id}`).expect(204);
    expect(api.events).toEqual([
      {
        type: 'post.deleted',
        payload: {
          postId: target.id,
          kind: 'post',
          slug: 'post-3',
          categorySlugs: ['postgresql'],
          wasPublished: true,
        },
      },
    ]);
    await api.as(api.admin, 'get', `/api/admin/posts/${target.id}`).expect(404);
    await api.as(api.admin, 'delete', `/api/admin/posts/${target.id}`).expect(404);
    await api.as(api.admin, 'get', '/api/admin/posts/abc').expect(404);
  });

  test('preview renders with the public renderer', async () => {
    const res = await api
      .as(api.author, 'post', '/api/admin/posts/preview')
      .send({ markdown: '## Set up\n\n<script>x</script>' })
      .expect(200);
    expect(res.body.html).toContain('<h2 id="set-up">Set up</h2>');
    expect(res.body.html).not.toContain('<script');
  });

  test('preview shows an uploaded image as the post will, from its thumbnails', async () => {
    const { default: sharp } = await import('sharp');
    const bytes = await sharp({
      create: { width: 48, height: 32, channels: 3, background: '#aa6633' },
    })
      .png()
      .toBuffer();
    const upload = await api
      .as(api.author, 'post', '/api/admin/images')
      .attach('file', bytes, 'Preview box.png')
      .expect(201);
    const res = await api
      .as(api.author, 'post', '/api/admin/posts/preview')
      .send({ markdown: upload.body.markdown })
      .expect(200);
    // Not `<img src="/images/<hash>">`, which no route serves.
    expect(res.body.html).toContain(`<picture>`);
    expect(res.body.html).toContain(`src="/images/${upload.body.hash}/`);
    expect(res.body.html).toContain('width="48" height="32"');
    const src = /<img src="([^"]+)"/.exec(res.body.html)![1]!;
    await api.http.get(src).expect(200);
  });

  describe('list', () => {
    test('searches titles, filters by status and category, sorts and paginates', async () => {
      const search = await api
        .as(api.author, 'get', '/api/admin/posts?q=NUMBER 1&sort=title&pageSize=5')
        .expect(200);
      expect(search.body.total).toBe(11); // post-1, post-10..post-19
      expect(search.body.pages).toBe(3);
      expect(search.body.items.map((p: { slug: string }) => p.slug)).toEqual([
        'post-1',
        'post-10',
        'post-11',
        'post-12',
        'post-13',
      ]);
      const drafts = await api
        .as(api.author, 'get', '/api/admin/posts?status=draft&pageSize=100')
        .expect(200);
      expect(drafts.body.items.every((p: { state: string }) => p.state === 'draft')).toBe(true);
      expect(drafts.body.items.map((p: { slug: string }) => p.slug)).toContain('a-draft');
      const scheduled = await api
        .as(api.author, 'get', '/api/admin/posts?status=scheduled')
        .expect(200);
      expect(scheduled.body.items.map((p: { slug: string }) => p.slug)).toContain('scheduled');
      const published = await api
        .as(
          api.author,
          'get',
          '/api/admin/posts?status=published&category=postgresql&sort=published&pageSize=3',
        )
        .expect(200);
      expect(published.body.items.map((p: { slug: string }) => p.slug)).toEqual([
        'post-60',
        'post-57',
        'post-54',
      ]);
      const oldest = await api
        .as(api.author, 'get', '/api/admin/posts?sort=published&order=asc&pageSize=1')
        .expect(200);
      expect(oldest.body.items[0].slug).toBe('post-1');
    });

    test('a % or _ in the title search matches itself, not any text', async () => {
      await api.createPost({ title: 'Coverage up 5% in a year' });
      await api.createPost({ title: 'Coverage up 50 in a year' });
      await api.createPost({ title: 'snake_case or camelCase' });
      await api.createPost({ title: 'snakeXcase or camelCase' });
      const titles = async (q: string) =>
        (
          await api.as(api.author, 'get', `/api/admin/posts?q=${encodeURIComponent(q)}`).expect(200)
        ).body.items.map((post: { title: string }) => post.title);
      expect(await titles('up 5%')).toEqual(['Coverage up 5% in a year']);
      expect(await titles('snake_case')).toEqual(['snake_case or camelCase']);
    });

    test('counts approved and pending comments per post', async () => {
      const res = await api.as(api.author, 'get', '/api/admin/posts?q=post number 59').expect(200);
      expect(res.body.items[0]).toMatchObject({
        slug: 'post-59',
        commentCount: 2,
        pendingCommentCount: 1,
      });
    });

    test('the most recently updated post comes first by default', async () => {
      const post = await api.createPost({ title: 'Fresh edit' });
      const res = await api.as(api.author, 'get', '/api/admin/posts?pageSize=1').expect(200);
      expect(res.body.items[0].id).toBe(post.id);
    });

    test.each([
      ['status=gone', 'status'],
      ['sort=random', 'sort'],
      ['pageSize=101', 'pageSize'],
      ['page=0', 'page'],
    ])('%s is a 400 naming %s', async (query, field) => {
      const res = await api.as(api.author, 'get', `/api/admin/posts?${query}`).expect(400);
      expect(Object.keys(res.body.fields)).toEqual([field]);
    });
  });
});
