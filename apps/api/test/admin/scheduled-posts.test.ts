import { FayeNodeClient } from '@inkwell/realtime';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type AdminTestApi, startAdminTestApi } from './admin-test-api.js';

/**
 * A post scheduled a few seconds ahead goes public when its date comes, with no write: search
 * finds it, the cached listing shows it and readers get the "new post" hint, as if it had been
 * published then.
 */
let api: AdminTestApi;
let reader: InstanceType<typeof FayeNodeClient>;
const hints: unknown[] = [];

beforeAll(async () => {
  api = await startAdminTestApi('pglite', { env: { OUTBOX_POLL_INTERVAL_MS: '100' } });
  await api.app.listen(0, '127.0.0.1');
  reader = new FayeNodeClient(`${await api.app.getUrl()}/realtime`);
  await reader.subscribe('/posts', (data) => void hints.push(data));
});
afterAll(async () => {
  reader?.disconnect();
  await api?.close();
});

const searchSlugs = async (q: string) =>
  (await api.http.get(`/api/search?q=${encodeURIComponent(q)}`).expect(200)).body.hits.map(
    (hit: { slug: string }) => hit.slug,
  );
const homeSlugs = async () =>
  (await api.http.get('/api/posts?pageSize=50').expect(200)).body.items.map(
    (post: { slug: string }) => post.slug,
  );

test('a scheduled post becomes searchable, listed and announced when its date comes', async () => {
  const created = await api
    .as(api.author, 'post', '/api/admin/posts')
    .send({ title: 'Narwhal release notes', body: 'The narwhal scheduler ships.' })
    .expect(201);
  const publishAt = new Date(Date.now() + 4_000);
  await api
    .as(api.author, 'post', `/api/admin/posts/${created.body.id}/publish`)
    .send({ version: 1, publishAt: publishAt.toISOString() })
    .expect(200);

  // Before its date: not public, and these answers are now cached.
  expect(await searchSlugs('narwhal')).toEqual([]);
  expect(await homeSlugs()).not.toContain('narwhal-release-notes');
  expect(hints).toEqual([]);

  await expect
    .poll(() => searchSlugs('narwhal'), { timeout: 20_000, interval: 200 })
    .toEqual(['narwhal-release-notes']);
  expect(Date.now()).toBeGreaterThanOrEqual(publishAt.getTime());
  expect((await homeSlugs())[0]).toBe('narwhal-release-notes');
  await expect
    .poll(() => hints, { timeout: 5_000 })
    .toEqual([{ postId: created.body.id, slug: 'narwhal-release-notes' }]);
});

test('a post rescheduled or unpublished before its date is not announced at the old date', async () => {
  const created = await api
    .as(api.author, 'post', '/api/admin/posts')
    .send({ title: 'Okapi roadmap', body: 'Okapi plans.' })
    .expect(201);
  const id = created.body.id;
  const soon = new Date(Date.now() + 1_500).toISOString();
  await api
    .as(api.author, 'post', `/api/admin/posts/${id}/publish`)
    .send({ version: 1, publishAt: soon })
    .expect(200);
  await api
    .as(api.author, 'post', `/api/admin/posts/${id}/publish`)
    .send({ version: 2, publishAt: new Date(Date.now() + 3_600_000).toISOString() })
    .expect(200);
  const hintsBefore = hints.length;
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  expect(await searchSlugs('okapi')).toEqual([]);
  expect(await homeSlugs()).not.toContain('okapi-roadmap');
  expect(hints).toHaveLength(hintsBefore);
});
