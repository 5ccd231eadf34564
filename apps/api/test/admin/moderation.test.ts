import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CommentGate } from '../../src/moderation/comment-gate.service.js';
import { TooManyRequestsError } from '../../src/rate-limit/rate-limit.errors.js';
import { ValidationError } from '../../src/common/validation.js';
import { engineKinds } from '../test-api.js';
import { type AdminTestApi, startAdminTestApi } from './admin-test-api.js';

describe.each(engineKinds)('categories, moderation and images on %s', (kind) => {
  let api: AdminTestApi;
  beforeAll(async () => {
    api = await startAdminTestApi(kind);
  });
  afterAll(async () => {
    await api?.close();
  });

  const categoryId = async (slug: string) =>
    (await api.db.prisma.category.findUniqueOrThrow({ where: { slug } })).id;

  describe('categories', () => {
    test('the list counts every post, drafts and scheduled ones included', async () => {
      const res = await api.as(api.author, 'get', '/api/admin/categories').expect(200);
      expect(res.body.map((c: { slug: string }) => c.slug)).toEqual([
        'empty',
        'postgresql',
        'python',
        'rust',
      ]);
      const rust = res.body.find((c: { slug: string }) => c.slug === 'rust');
      expect(rust).toMatchObject({
        name: 'Rust',
        description: 'Systems programming',
        postCount: 22,
      });
    });

    test('create makes a slug from the name; duplicates are 409s naming the field', async () => {
      api.events.length = 0;
      const created = await api
        .as(api.admin, 'post', '/api/admin/categories')
        .send({ name: 'Web Performance' })
        .expect(201);
      expect(created.body).toMatchObject({
        slug: 'web-performance',
        postCount: 0,
        description: '',
      });
      expect(api.events).toEqual([
        {
          type: 'category.saved',
          payload: {
            categoryId: created.body.id,
            slug: 'web-performance',
            previousSlug: null,
            name: 'Web Performance',
          },
        },
      ]);
      const dupName = await api
        .as(api.admin, 'post', '/api/admin/categories')
        .send({ name: 'rust' })
        .expect(409);
      expect(dupName.body.fields).toEqual({ name: 'is already used by another category' });
      const dupSlug = await api
        .as(api.admin, 'post', '/api/admin/categories')
        .send({ name: 'Rusty', slug: 'rust' })
        .expect(409);
      expect(dupSlug.body.fields).toEqual({ slug: 'is already used by another category' });
    });

    test('rename changes name and slug and says what the slug was', async () => {
      const id = (
        await api.as(api.admin, 'post', '/api/admin/categories').send({ name: 'Temp' }).expect(201)
      ).body.id;
      api.events.length = 0;
      const res = await api
        .as(api.admin, 'patch', `/api/admin/categories/${id}`)
        .send({ name: 'Databases', slug: 'databases' })
        .expect(200);
      expect(res.body).toMatchObject({ id, name: 'Databases', slug: 'databases' });
      expect(api.events[0]).toEqual({
        type: 'category.saved',
        payload: { categoryId: id, slug: 'databases', previousSlug: 'temp', name: 'Databases' },
      });
      await api
        .as(api.admin, 'patch', `/api/admin/categories/${id}`)
        .send({ slug: 'python' })
        .expect(409);
      await api
        .as(api.admin, 'patch', '/api/admin/categories/999999')
        .send({ name: 'X' })
        .expect(404);
    });

    test('delete is refused while posts use it, unless reassignTo moves them', async () => {
      const postgresql = await categoryId('postgresql');
      const empty = await categoryId('empty');
      const refused = await api
        .as(api.admin, 'delete', `/api/admin/categories/${postgresql}`)
        .expect(409);
      expect(refused.body).toMatchObject({
        postCount: 20,
        message: 'Category is used by 20 posts; give reassignTo to move them',
      });
      api.events.length = 0;
      await api
        .as(api.admin, 'delete', `/api/admin/categories/${postgresql}?reassignTo=${empty}`)
        .expect(204);
      const saved = api.events.filter((e) => e.type === 'post.saved');
      expect(saved).toHaveLength(20);
      expect(
        saved.find((e) => (e.payload as { slug: string }).slug === 'post-15')?.payload,
      ).toMatchObject({
        categorySlugs: ['empty', 'python'],
        previousCategorySlugs: ['postgresql', 'python'],
        published: true,
        wasPublished: true,
      });
      expect(api.events.at(-1)).toEqual({
        type: 'category.deleted',
        payload: { categoryId: postgresql, slug: 'postgresql', mergedInto: 'empty' },
      });
      const list = await api.as(api.admin, 'get', '/api/admin/categories').expect(200);
      expect(list.body.find((c: { slug: string }) => c.slug === 'empty').postCount).toBe(20);
      const unused = (
        await api
          .as(api.admin, 'post', '/api/admin/categories')
          .send({ name: 'Unused' })
          .expect(201)
      ).body.id;
      await api.as(api.admin, 'delete', `/api/admin/categories/${unused}`).expect(204);
    });

    test('merge moves every post into the target once and deletes the source', async () => {
      const python = await categoryId('python');
      const rust = await categoryId('rust');
      await api
        .as(api.admin, 'post', `/api/admin/categories/${python}/merge`)
        .send({ into: python })
        .expect(400);
      const merged = await api
        .as(api.admin, 'post', `/api/admin/categories/${python}/merge`)
        .send({ into: rust })
        .expect(200);
      // rust had 22 posts; python 20 of its own + 4 shared with others (every 5th), none shared with rust.
      const expected = await api.db.prisma.postCategory.count({ where: { categoryId: rust } });
      expect(merged.body).toMatchObject({ slug: 'rust', postCount: expected });
      expect(expected).toBeGreaterThan(22);
      expect(await api.db.prisma.category.findUnique({ where: { slug: 'python' } })).toBeNull();
      await api.http.get('/api/posts?category=rust&pageSize=50').expect(200);
    });
  });

  describe('moderation queue', () => {
    const addComment = async (slug: string, approved: boolean, body = 'A comment') => {
      const post = await api.db.prisma.post.findUniqueOrThrow({ where: { slug } });
      return api.db.prisma.comment.create({
        data: {
          postId: post.id,
          authorName: 'Reader',
          authorEmail: 'r@example.com',
          body,
          approved,
        },
      });
    };

    test('pending comments come first; filters by status and post', async () => {
      const pending = await addComment('post-10', false, 'Pending **one**');
      const res = await api
        .as(api.admin, 'get', '/api/admin/comments?status=all&pageSize=4')
        .expect(200);
      // The fixture's one pending comment and this one, then the newest approved ones.
      expect(res.body.items.map((c: { approved: boolean }) => c.approved)).toEqual([
        false,
        false,
        true,
        true,
      ]);
      expect(res.body.items[0]).toMatchObject({
        id: pending.id,
        approved: false,
        body: 'Pending **one**',
        html: '<p>Pending <strong>one</strong></p>\n',
        post: { slug: 'post-10', title: 'Post number 10' },
      });
      const pendingOnly = await api.as(api.admin, 'get', '/api/admin/comments').expect(200);
      expect(pendingOnly.body.items.every((c: { approved: boolean }) => !c.approved)).toBe(true);
      const byPost = await api
        .as(api.admin, 'get', `/api/admin/comments?status=approved&post=${pending.postId}`)
        .expect(200);
      expect(byPost.body.total).toBe(0);
      await api.as(api.admin, 'get', '/api/admin/comments?status=spam').expect(400);
    });

    test('approve and delete emit their events', async () => {
      const comment = await addComment('post-11', false);
      api.events.length = 0;
      const approved = await api
        .as(api.admin, 'post', `/api/admin/comments/${comment.id}/approve`)
        .expect(200);
      expect(approved.body.approved).toBe(true);
      expect(api.events).toEqual([
        { type: 'comment.approved', payload: { commentId: comment.id, postId: comment.postId } },
      ]);
      await api.as(api.admin, 'delete', `/api/admin/comments/${comment.id}`).expect(204);
      expect(api.events[1]).toEqual({
        type: 'comment.deleted',
        payload: { commentId: comment.id, postId: comment.postId, wasApproved: true },
      });
      await api.as(api.admin, 'delete', `/api/admin/comments/${comment.id}`).expect(404);
      await api.as(api.admin, 'post', `/api/admin/comments/${comment.id}/approve`).expect(404);
    });

    test('bulk approve and delete report what they did and what was missing', async () => {
      const a = await addComment('post-12', false);
      const b = await addComment('post-12', false);
      const c = await addComment('post-12', false);
      const approve = await api
        .as(api.admin, 'post', '/api/admin/comments/bulk')
        .send({ action: 'approve', ids: [a.id, b.id, 999999] })
        .expect(200);
      expect(approve.body).toEqual({
        action: 'approve',
        affected: [a.id, b.id],
        missing: [999999],
      });
      const del = await api
        .as(api.admin, 'post', '/api/admin/comments/bulk')
        .send({ action: 'delete', ids: [b.id, c.id] })
        .expect(200);
      expect(del.body.affected).toEqual([b.id, c.id]);
      expect(await api.db.prisma.comment.count({ where: { id: { in: [a.id, b.id, c.id] } } })).toBe(
        1,
      );
      await api
        .as(api.admin, 'post', '/api/admin/comments/bulk')
        .send({ action: 'approve', ids: [] })
        .expect(400);
    });

    test('a reply is an approved comment by the signed-in user and approves its parent', async () => {
      const parent = await addComment('post-13', false, 'Question?');
      api.events.length = 0;
      const res = await api
        .as(api.admin, 'post', `/api/admin/comments/${parent.id}/reply`)
        .send({ body: 'Answer.' })
        .expect(201);
      expect(res.body).toMatchObject({
        parentId: parent.id,
        postId: parent.postId,
        authorName: 'admin',
        authorEmail: 'admin@example.com',
        approved: true,
      });
      expect(api.events).toEqual([
        { type: 'comment.approved', payload: { commentId: parent.id, postId: parent.postId } },
        {
          type: 'comment.created',
          payload: { commentId: res.body.id, postId: parent.postId, approved: true },
        },
      ]);
      const page = await api.http.get('/api/posts/post-13').expect(200);
      expect(page.body.comments[0].replies[0].authorName).toBe('admin');
    });
  });

  describe('comment gate and block list', () => {
    const comment = (overrides: Record<string, unknown> = {}) => ({
      authorName: 'Reader',
      authorEmail: 'known@example.com',
      body: 'Good post',
      ipAddress: '203.0.113.77',
      renderedAt: Date.now() - 10_000,
      hasApprovedCommentBefore: true,
      ...overrides,
    });

    test('block list entries are managed by admins and refuse matching comments neutrally', async () => {
      const gate = api.app.get(CommentGate);
      const word = await api
        .as(api.admin, 'post', '/api/admin/blocklist')
        .send({ kind: 'word', value: ' Casino ' })
        .expect(201);
      expect(word.body).toMatchObject({ kind: 'word', value: 'casino' });
      await api
        .as(api.admin, 'post', '/api/admin/blocklist')
        .send({ kind: 'word', value: 'casino' })
        .expect(409);
      await api
        .as(api.admin, 'post', '/api/admin/blocklist')
        .send({ kind: 'ip', value: 'not-an-ip' })
        .expect(400);
      await api
        .as(api.admin, 'post', '/api/admin/blocklist')
        .send({ kind: 'ip', value: '192.0.2.66' })
        .expect(201);
      const list = await api.as(api.admin, 'get', '/api/admin/blocklist').expect(200);
      expect(list.body.map((e: { kind: string; value: string }) => `${e.kind}:${e.value}`)).toEqual(
        ['ip:192.0.2.66', 'word:casino'],
      );

      const blocked = gate.screen(comment({ body: 'Best casino here', ipAddress: '192.0.2.10' }));
      await expect(blocked).rejects.toThrow(ValidationError);
      await expect(blocked).rejects.toThrow('comment could not be accepted');
      await expect(gate.screen(comment({ ipAddress: '::ffff:192.0.2.66' }))).rejects.toThrow(
        ValidationError,
      );
      await api.as(api.admin, 'delete', `/api/admin/blocklist/${word.body.id}`).expect(204);
      expect(
        await gate.screen(comment({ body: 'Best casino here', ipAddress: '192.0.2.10' })),
      ).toEqual({
        action: 'publish',
        reason: 'trusted-commenter',
      });
    });

    test('honeypot discards, a fast form is held, and each IP gets 5 comments per 10 minutes', async () => {
      const gate = api.app.get(CommentGate);
      expect(await gate.screen(comment({ website: 'http://x', ipAddress: '192.0.2.20' }))).toEqual({
        action: 'discard',
        reason: 'honeypot',
      });
      expect(
        await gate.screen(comment({ renderedAt: Date.now() - 500, ipAddress: '192.0.2.20' })),
      ).toEqual({
        action: 'hold',
        reason: 'too-fast',
      });
      for (let i = 0; i < 4; i += 1) await gate.screen(comment({ ipAddress: '192.0.2.20' }));
      const limited = await gate
        .screen(comment({ ipAddress: '192.0.2.20' }))
        .catch((e: unknown) => e);
      expect(limited).toBeInstanceOf(TooManyRequestsError);
      expect((limited as TooManyRequestsError).status).toBe(429);
      expect((limited as TooManyRequestsError).message).toBe(
        'You are commenting too often. Try again in 10 minutes.',
      );
      expect((limited as TooManyRequestsError).retryAfterSeconds).toBeGreaterThan(590);
      expect((await gate.screen(comment({ ipAddress: '192.0.2.21' }))).action).toBe('publish');
    });
  });

  describe('images', () => {
    const png = async (width: number, height: number): Promise<Buffer> => {
      const { default: sharp } = await import('sharp');
      return sharp({ create: { width, height, channels: 3, background: '#3366aa' } })
        .png()
        .toBuffer();
    };

    test('upload stores the original and answers its URLs; the same bytes again answer 200', async () => {
      const bytes = await png(40, 30);
      const res = await api
        .as(api.author, 'post', '/api/admin/images')
        .attach('file', bytes, 'Blue box.png')
        .expect(201);
      expect(res.body).toMatchObject({
        hash: expect.stringMatching(/^[a-f0-9]{64}$/),
        filename: 'Blue box.png',
        mime: 'image/png',
        width: 40,
        height: 30,
        bytes: bytes.length,
      });
      expect(res.body.url).toBe(`/images/${res.body.hash}/1280.webp`);
      expect(res.body.urls['320']).toBe(`/images/${res.body.hash}/320.webp`);
      expect(res.body.markdown).toBe(`![Blue box](/images/${res.body.hash})`);
      const again = await api
        .as(api.author, 'post', '/api/admin/images')
        .attach('file', bytes, 'copy.png')
        .expect(200);
      expect(again.body.id).toBe(res.body.id);
      const list = await api.as(api.author, 'get', '/api/admin/images').expect(200);
      expect(list.body.items.map((i: { id: number }) => i.id)).toContain(res.body.id);
      const { existsSync } = await import('node:fs');
      const { imageDirectories } = await import('@inkwell/assets/thumbnails');
      const original = `${imageDirectories(api.dataDir).originals}/${res.body.hash.slice(0, 2)}/${res.body.hash}`;
      expect(existsSync(original)).toBe(true);
      // Served twice: the original's description is now remembered in memory.
      const thumbnail = `/images/${res.body.hash}/320.webp`;
      await api.http.get(thumbnail).expect(200);
      await api.http.get(thumbnail).expect(200);
      await api.as(api.author, 'delete', `/api/admin/images/${res.body.id}`).expect(204);
      expect(existsSync(original)).toBe(false);
      expect((await api.http.get(thumbnail).expect(404)).headers['cache-control']).toBe(
        'private, no-store',
      );
      await api.as(api.author, 'delete', `/api/admin/images/${res.body.id}`).expect(404);
    });

    test('a file name in UTF-8, as browsers send it, is kept as typed', async () => {
      const res = await api
        .as(api.author, 'post', '/api/admin/images')
        .attach('file', await png(41, 29), 'Résumé 日本.png')
        .expect(201);
      expect(res.body.filename).toBe('Résumé 日本.png');
      expect(res.body.markdown).toBe(`![Résumé 日本](/images/${res.body.hash})`);
    });

    test('bad uploads are 4xx with a clear message and write nothing', async () => {
      const before = await api.db.prisma.image.count();
      const noFile = await api
        .as(api.author, 'post', '/api/admin/images')
        .field('other', 'x')
        .expect(400);
      expect(noFile.body.fields).toEqual({
        file: 'is required (multipart/form-data field "file")',
      });
      const text = await api
        .as(api.author, 'post', '/api/admin/images')
        .attach('file', Buffer.from('not an image at all'), 'notes.png')
        .expect(415);
      expect(text.body.code).toBe('not-an-image');
      const truncated = (await png(64, 64)).subarray(0, 80);
      const corrupt = await api
        .as(api.author, 'post', '/api/admin/images')
        .attach('file', truncated, 't.png');
      expect([415, 422]).toContain(corrupt.status);
      expect(await api.db.prisma.image.count()).toBe(before);
    });
  });
});
