import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AdminTestApi, startAdminTestApi } from './admin/admin-test-api.js';

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
});
