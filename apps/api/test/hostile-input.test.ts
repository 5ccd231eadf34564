import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AdminTestApi, PASSWORD, startAdminTestApi } from './admin/admin-test-api.js';
import { formRenderedAt } from './fixtures.js';

/** Inputs an attacker can send that once made the API answer 500. */
describe('hostile input on pglite', () => {
  let api: AdminTestApi;
  beforeAll(async () => {
    api = await startAdminTestApi('pglite');
  });
  afterAll(async () => {
    await api?.close();
  });

  describe('deeply nested Markdown', () => {
    const nested = ['>'.repeat(1870), '1. '.repeat(1200), '> - 1. '.repeat(600)];

    const addComment = async (slug: string, body: string, approved: boolean) => {
      const post = await api.db.prisma.post.findUniqueOrThrow({ where: { slug } });
      return api.db.prisma.comment.create({
        data: {
          postId: post.id,
          authorName: 'Nester',
          authorEmail: 'n@example.com',
          body,
          approved,
        },
      });
    };

    test.each(nested)('a pending comment %# keeps the moderation queue up', async (body) => {
      const comment = await addComment('post-20', body, false);
      const res = await api.as(api.admin, 'get', '/api/admin/comments?status=pending').expect(200);
      const shown = res.body.items.find((item: { id: number }) => item.id === comment.id);
      expect(shown.html.length).toBeGreaterThan(0);
      await api.as(api.admin, 'delete', `/api/admin/comments/${comment.id}`).expect(204);
    });

    test.each(nested)('a published comment %# keeps the post readable', async (body) => {
      const comment = await addComment('post-21', body, true);
      const res = await api.http.get('/api/posts/post-21').expect(200);
      expect(res.body.comments.some((c: { id: number }) => c.id === comment.id)).toBe(true);
      await api.as(api.admin, 'delete', `/api/admin/comments/${comment.id}`).expect(204);
    });

    test.each(nested)('the preview of a post body %# renders', async (markdown) => {
      const res = await api
        .as(api.author, 'post', '/api/admin/posts/preview')
        .send({ markdown })
        .expect(200);
      expect(res.body.html.length).toBeGreaterThan(0);
    });
  });

  describe('NUL characters and out-of-range ids', () => {
    const comment = {
      authorName: 'Reader',
      authorEmail: 'reader@example.org',
      body: 'A fine post',
    };

    test.each([
      ['authorName', { ...comment, authorName: 'Rea\0der' }],
      ['authorEmail', { ...comment, authorEmail: 'rea\0der@example.org' }],
      ['body', { ...comment, body: 'Nice\0 post' }],
    ])('a comment with NUL in %s is a 400 naming it', async (field, input) => {
      const res = await api.http
        .post('/api/posts/post-22/comments')
        .set('X-Forwarded-For', '203.0.113.9')
        .send({ ...input, renderedAt: formRenderedAt() })
        .expect(400);
      expect(res.body.fields).toEqual({ [field]: 'must not contain NUL characters' });
    });

    test('login, admin fields, search and route parameters refuse NUL with a 400', async () => {
      const login = await api.http
        .post('/api/admin/session')
        .send({ email: 'admin@example.com\0', password: 'x' })
        .expect(400);
      expect(login.body.fields).toEqual({ email: 'must not contain NUL characters' });
      const category = await api
        .as(api.admin, 'post', '/api/admin/categories')
        .send({ name: 'Zero\0' })
        .expect(400);
      expect(category.body.fields).toEqual({ name: 'must not contain NUL characters' });
      const search = await api.http.get('/api/search?q=a%00b').expect(400);
      expect(search.body.fields).toEqual({ q: 'must not contain NUL characters' });
      const post = await api.http.get('/api/posts/post%00-1').expect(400);
      expect(post.body.fields).toEqual({ slug: 'must not contain NUL characters' });
    });

    test('ids in the query string above the database integer range are 400s', async () => {
      const comments = await api
        .as(api.admin, 'get', '/api/admin/comments?post=2147483648')
        .expect(400);
      expect(comments.body.fields).toEqual({ post: 'must be a post id' });
      const category = await api.db.prisma.category.findUniqueOrThrow({ where: { slug: 'empty' } });
      const remove = await api
        .as(api.admin, 'delete', `/api/admin/categories/${category.id}?reassignTo=9999999999`)
        .expect(400);
      expect(remove.body.fields).toEqual({ reassignTo: 'must be a category id' });
    });
  });

  describe('emails are compared exactly, in any case, never as patterns', () => {
    const login = (email: string, password: string, ip: string) =>
      api.http.post('/api/admin/session').set('X-Forwarded-For', ip).send({ email, password });

    test('wildcards in the login email match no account', async () => {
      await api.addUser('wildcard@example.net', 'AUTHOR');
      await login('%@example.net', PASSWORD, '192.0.2.1').expect(401);
      await login('wildcar_@example.net', PASSWORD, '192.0.2.2').expect(401);
      await login('WildCard@Example.NET', PASSWORD, '192.0.2.3').expect(201);
    });

    test('a delayed account stays delayed whatever variant of its email is typed', async () => {
      await api.addUser('locked@example.net', 'AUTHOR');
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        await login('locked@example.net', 'wrong password', '192.0.2.11').expect(401);
      }
      await login('LOCKED@example.net', PASSWORD, '192.0.2.11').expect(429);
      const wildcard = await login('locke_@example.net', PASSWORD, '192.0.2.11');
      expect(wildcard.status).not.toBe(201);
    });

    test("a stranger is not trusted because of someone else's approved comment", async () => {
      const send = (authorEmail: string, ip: string) =>
        api.http
          .post('/api/posts/post-23/comments')
          .set('X-Forwarded-For', ip)
          .send({
            authorName: 'Reader',
            authorEmail,
            body: 'Thanks for writing this up',
            renderedAt: formRenderedAt(),
          })
          .expect(201);
      // The fixture's reader0@example.com has approved comments.
      expect((await send('reader_@example.com', '198.18.0.1')).body.awaitingModeration).toBe(true);
      expect((await send('_______@example.com', '198.18.0.2')).body.awaitingModeration).toBe(true);
      expect((await send('Reader0@Example.com', '198.18.0.3')).body.awaitingModeration).toBe(false);
      const stored = await api.db.prisma.comment.findFirstOrThrow({ orderBy: { id: 'desc' } });
      expect(stored.authorEmail).toBe('reader0@example.com');
    });
  });

  test('a JSON body nested 20,000 deep is a 400, not a stack overflow', async () => {
    const depth = 20_000;
    const res = await api
      .as(api.admin, 'post', '/api/admin/posts')
      .set('Content-Type', 'application/json')
      .send(`{"title":${'['.repeat(depth)}${']'.repeat(depth)}}`)
      .expect(400);
    expect(res.body.fields).toEqual({ title: 'must be text' });
  });

  test('a category name with % or _ is compared literally, in any case', async () => {
    await api.as(api.admin, 'post', '/api/admin/categories').send({ name: '%' }).expect(201);
    await api.as(api.admin, 'post', '/api/admin/categories').send({ name: 'R_st' }).expect(201);
    await api.as(api.admin, 'post', '/api/admin/categories').send({ name: 'RUST' }).expect(409);
  });
});
