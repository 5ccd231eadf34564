import { FayeNodeClient } from '@inkwell/realtime';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { formRenderedAt } from '../fixtures.js';
import { type AdminTestApi, startAdminTestApi } from './admin-test-api.js';

/**
 * Each admin write through the real API: the cached public reads change at once, the search
 * index follows, and readers get the realtime hint.
 */
let api: AdminTestApi;
let reader: InstanceType<typeof FayeNodeClient>;
const hints: Array<{ channel: string; data: { postId: number } & Record<string, unknown> }> = [];

beforeAll(async () => {
  api = await startAdminTestApi('pglite');
  await api.app.listen(0, '127.0.0.1');
  reader = new FayeNodeClient(`${await api.app.getUrl()}/realtime`);
  await reader.subscribe('/posts', (data) =>
    hints.push({ channel: '/posts', data: data as never }),
  );
});
afterAll(async () => {
  reader?.disconnect();
  await api?.close();
});

const search = async (q: string) =>
  (await api.http.get(`/api/search?q=${encodeURIComponent(q)}`).expect(200)).body.hits as Array<{
    slug: string;
    kind: string;
  }>;
const homeSlugs = async () =>
  (await api.http.get('/api/posts?pageSize=50').expect(200)).body.items as Array<{
    slug: string;
    title: string;
  }>;

async function watchComments(postId: number): Promise<void> {
  const channel = `/comments/${postId}`;
  await reader.subscribe(channel, (data) => hints.push({ channel, data: data as never }));
}

test('publishing, editing, unpublishing and deleting a post', async () => {
  // Warm the caches the writes must refresh.
  await homeSlugs();
  await api.http.get('/api/posts?category=rust&pageSize=50').expect(200);
  await api.http.get('/api/categories').expect(200);
  expect(await search('quokka')).toEqual([]);

  const created = await api
    .as(api.author, 'post', '/api/admin/posts')
    .send({
      title: 'Quokka benchmarks',
      body: 'All about the quokka allocator.',
      categories: ['rust'],
    })
    .expect(201);
  const { id } = created.body;
  expect((await homeSlugs()).map((p) => p.slug)).not.toContain('quokka-benchmarks'); // still a draft

  await api
    .as(api.author, 'post', `/api/admin/posts/${id}/publish`)
    .send({ version: 1 })
    .expect(200);
  expect((await homeSlugs())[0]!.slug).toBe('quokka-benchmarks');
  const rust = await api.http.get('/api/posts?category=rust&pageSize=50').expect(200);
  expect(rust.body.items[0].slug).toBe('quokka-benchmarks');
  const counts = await api.http.get('/api/categories').expect(200);
  expect(counts.body.items.find((c: { slug: string }) => c.slug === 'rust').postCount).toBe(21);
  expect((await search('quokka')).map((hit) => hit.slug)).toEqual(['quokka-benchmarks']);
  await expect
    .poll(() => hints.filter((h) => h.channel === '/posts').map((h) => h.data))
    .toEqual([{ postId: id, slug: 'quokka-benchmarks' }]);

  await api.http.get('/api/posts/quokka-benchmarks').expect(200);
  await api
    .as(api.author, 'put', `/api/admin/posts/${id}`)
    .send({ version: 2, title: 'Wombat benchmarks' })
    .expect(200);
  expect((await api.http.get('/api/posts/quokka-benchmarks').expect(200)).body.post.title).toBe(
    'Wombat benchmarks',
  );
  expect((await homeSlugs())[0]!.title).toBe('Wombat benchmarks');
  expect((await search('wombat')).map((hit) => hit.slug)).toEqual(['quokka-benchmarks']);

  await api
    .as(api.author, 'post', `/api/admin/posts/${id}/unpublish`)
    .send({ version: 3 })
    .expect(200);
  await api.http.get('/api/posts/quokka-benchmarks').expect(404);
  expect((await homeSlugs()).map((p) => p.slug)).not.toContain('quokka-benchmarks');
  expect(await search('wombat')).toEqual([]);

  await api
    .as(api.author, 'post', `/api/admin/posts/${id}/publish`)
    .send({ version: 4 })
    .expect(200);
  expect((await search('wombat')).map((hit) => hit.slug)).toEqual(['quokka-benchmarks']);
  await api.as(api.author, 'delete', `/api/admin/posts/${id}`).expect(204);
  await api.http.get('/api/posts/quokka-benchmarks').expect(404);
  expect((await homeSlugs()).map((p) => p.slug)).not.toContain('quokka-benchmarks');
  expect(await search('wombat')).toEqual([]);
});

test('approving and deleting a comment', async () => {
  const post = (await api.http.get('/api/posts/post-20').expect(200)).body.post;
  await watchComments(post.id);
  const held = await api.http
    .post('/api/posts/post-20/comments')
    .send({
      authorName: 'Newcomer',
      authorEmail: 'newcomer@example.org',
      body: 'Platypus sightings here',
      renderedAt: formRenderedAt(),
    })
    .expect(201);
  expect(held.body.awaitingModeration).toBe(true);
  expect((await api.http.get('/api/posts/post-20').expect(200)).body.comments).toEqual([]);
  expect(await search('platypus')).toEqual([]);
  // Without SMTP_URL no email is even scheduled, and the queue's status says why.
  expect(await api.db.prisma.outboxEvent.count({ where: { type: 'comment.email-due' } })).toBe(0);
  const status = await api.as(api.admin, 'get', '/api/admin/comments/status').expect(200);
  expect(status.body.mail).toEqual({
    enabled: false,
    from: null,
    problem: expect.stringContaining('SMTP_URL is not set'),
  });

  await api.as(api.admin, 'post', `/api/admin/comments/${held.body.id}/approve`).expect(200);
  const page = await api.http.get('/api/posts/post-20').expect(200);
  expect(page.body.comments.map((c: { id: number }) => c.id)).toEqual([held.body.id]);
  expect(page.body.post.commentCount).toBe(1);
  expect((await search('platypus')).map((hit) => hit.kind)).toEqual(['comment']);
  const channel = `/comments/${post.id}`;
  await expect
    .poll(() => hints.filter((h) => h.channel === channel).map((h) => h.data))
    .toEqual([{ postId: post.id, commentCount: 1, latestCommentId: held.body.id }]);

  await api.as(api.admin, 'delete', `/api/admin/comments/${held.body.id}`).expect(204);
  expect((await api.http.get('/api/posts/post-20').expect(200)).body.comments).toEqual([]);
  expect(await search('platypus')).toEqual([]);
  await expect
    .poll(() => hints.filter((h) => h.channel === channel).map((h) => h.data))
    .toHaveLength(2);
  expect(hints.filter((h) => h.channel === channel).at(-1)!.data).toEqual({
    postId: post.id,
    commentCount: 0,
    latestCommentId: null,
  });
});
