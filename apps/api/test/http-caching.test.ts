import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AdminTestApi, startAdminTestApi } from './admin/admin-test-api.js';
import { type PurgeServer, startPurgeServer } from './purge-server.js';

/** Two APIs start in this file; on a loaded machine one start can take over a minute. */
const API_START_MS = 180_000;

async function postId(api: AdminTestApi, slug: string): Promise<number> {
  return (await api.db.prisma.post.findUniqueOrThrow({ where: { slug } })).id;
}

async function postVersion(api: AdminTestApi, id: number): Promise<number> {
  const res = await api.as(api.admin, 'get', `/api/admin/posts/${id}`).expect(200);
  return res.body.version as number;
}

describe('without a purge hook', () => {
  let api: AdminTestApi;
  beforeAll(async () => {
    api = await startAdminTestApi('pglite');
  }, API_START_MS);
  afterAll(() => api?.close());

  test('a post names its tags, lets browsers revalidate and gives shared caches nothing', async () => {
    const res = await api.http.get('/api/posts/post-59').expect(200);
    expect(res.headers['surrogate-key']?.split(' ')).toContain('post:post-59');
    expect(res.headers['cache-tag']?.split(',')).toContain('post:post-59');
    expect(res.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(res.headers.etag).toMatch(/^W\/".+"$/);
  });

  test('each public read names the tags its writes drop', async () => {
    const tagsOf = async (path: string) =>
      (await api.http.get(path).expect(200)).headers['surrogate-key'];
    expect(await tagsOf('/api/posts')).toBe('listing:all');
    expect(await tagsOf('/api/posts?category=rust,python')).toBe(
      'listing:category:python listing:category:rust',
    );
    expect(await tagsOf('/api/categories')).toBe('categories');
    expect(await tagsOf('/api/settings')).toBe('settings');
    expect(await tagsOf('/api/search?q=post')).toBe('search');
  });

  test('a matching If-None-Match is answered 304; after an edit the ETag changes', async () => {
    const first = await api.http.get('/api/posts/post-58').expect(200);
    const etag = first.headers.etag!;
    const again = await api.http.get('/api/posts/post-58').set('If-None-Match', etag).expect(304);
    expect(again.text).toBe('');

    const id = await postId(api, 'post-58');
    await api
      .as(api.admin, 'put', `/api/admin/posts/${id}`)
      .send({ version: await postVersion(api, id), body: 'A corrected body' })
      .expect(200);

    const edited = await api.http.get('/api/posts/post-58').set('If-None-Match', etag).expect(200);
    expect(edited.body.post.html).toContain('A corrected body');
    expect(edited.headers.etag).not.toBe(etag);
  });

  test('admin answers, errors and writes are never shared', async () => {
    const admin = await api.as(api.admin, 'get', '/api/admin/posts').expect(200);
    expect(admin.headers['cache-control']).toBe('private, no-store');
    expect(admin.headers['surrogate-key']).toBeUndefined();
    const missing = await api.http.get('/api/posts/no-such-post').expect(404);
    expect(missing.headers['cache-control']).toBe('private, no-store');
    expect(missing.headers['surrogate-key']).toBeUndefined();
  });
});

describe('a follower of /api/dropped-tags', () => {
  let api: AdminTestApi;
  let closed = false;
  beforeAll(async () => {
    api = await startAdminTestApi('pglite');
  }, API_START_MS);
  afterAll(() => (closed ? undefined : api?.close()));

  test('gets the tags every write drops, and its stream ends when the API closes', async () => {
    await api.app.listen(0, '127.0.0.1');
    const stream = await fetch(`${await api.app.getUrl()}/api/dropped-tags`);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const until = async (text: string) => {
      while (!received.includes(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended before ${text}`);
        received += decoder.decode(value, { stream: true });
      }
    };
    await until('event: ready\n');
    const id = await postId(api, 'post-55');
    await api
      .as(api.admin, 'put', `/api/admin/posts/${id}`)
      .send({ version: await postVersion(api, id), title: 'Followed by the sites' })
      .expect(200);
    await until('"tags"');
    await until('}\n\n');
    const drop = /data: (\{"tags".*\})\n\n/.exec(received)![1]!;
    expect((JSON.parse(drop) as { tags: string[] }).tags).toEqual(
      expect.arrayContaining(['post:post-55', 'listing:all', 'post-links']),
    );

    // Closing the API ends the stream instead of waiting for the follower to leave.
    closed = true;
    const closing = api.close();
    while (!(await reader.read()).done);
    await closing;
  });
});

describe('with a purge hook', () => {
  let api: AdminTestApi;
  let cdn: PurgeServer;
  beforeAll(async () => {
    cdn = await startPurgeServer();
    api = await startAdminTestApi('pglite', {
      env: {
        CACHE_PURGE_URL: `${cdn.url}/purge`,
        CACHE_PURGE_HEADERS: JSON.stringify({ Authorization: 'Bearer cdn-token' }),
        CACHE_SHARED_MAX_AGE: '600',
      },
    });
  }, API_START_MS);
  afterAll(async () => {
    await api?.close();
    await cdn?.close();
  });

  test('public reads let shared caches keep them', async () => {
    const res = await api.http.get('/api/posts/post-59').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=0, must-revalidate, s-maxage=600');
  });

  test('unpublishing a post purges its page, the listings and the links', async () => {
    const id = await postId(api, 'post-57');
    cdn.calls.length = 0;
    await api
      .as(api.admin, 'post', `/api/admin/posts/${id}/unpublish`)
      .send({ version: await postVersion(api, id) })
      .expect(200);
    const [call] = await cdn.received(1);
    expect(call!.url).toBe('/purge');
    expect(call!.authorization).toBe('Bearer cdn-token');
    expect(call!.tags).toEqual(
      expect.arrayContaining(['post:post-57', 'listing:all', 'post-links']),
    );
    expect(call!.surrogateKey?.split(' ')).toEqual(call!.tags);
    await api.http.get('/api/posts/post-57').expect(404);
  });

  test('a failing purge never fails the write; it is counted', async () => {
    const id = await postId(api, 'post-56');
    cdn.calls.length = 0;
    cdn.answer(503);
    try {
      await api
        .as(api.admin, 'put', `/api/admin/posts/${id}`)
        .send({ version: await postVersion(api, id), title: 'Renamed while the CDN is down' })
        .expect(200);
      await cdn.received(1);
      const post = await api.http.get('/api/posts/post-56').expect(200);
      expect(post.body.post.title).toBe('Renamed while the CDN is down');
      await expect
        .poll(() => api.metrics())
        .toMatch(/inkwell_cache_purge_calls_total\{outcome="failed"\} [1-9]/);
    } finally {
      cdn.answer(200);
    }
  });
});
