import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiGet, type PostListing, updatePost, webUrl } from './support.js';

/*
 * What a CDN in front of the site sees. This stack's API has no purge hook: pages name their
 * cache tags and revalidate by ETag, but give shared caches no s-maxage.
 */

let post: PostListing['items'][number];
let summary: string;

beforeAll(async () => {
  const { items } = await apiGet<PostListing>('/api/posts?pageSize=50');
  post = items.at(-2)!;
  summary = (await apiGet<{ post: { summary: string } }>(`/api/posts/${post.slug}`)).post.summary;
});

afterAll(() => updatePost(post.id, { summary }));

/** A browser's revalidation: fetch would otherwise add `Cache-Control: no-cache`. */
const revalidate = (path: string, etag: string) =>
  fetch(`${webUrl}${path}`, { headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' } });

it('a post page names its tags and has an ETag, and no s-maxage without a purge hook', async () => {
  const response = await fetch(`${webUrl}/posts/${post.slug}`);
  expect(response.status).toBe(200);
  const tags = response.headers.get('surrogate-key')?.split(' ');
  // The post's own tag, and those of the other reads the page used (the site's settings).
  expect(tags).toEqual(expect.arrayContaining([`post:${post.slug}`, 'post-links', 'settings']));
  expect(response.headers.get('cache-tag')?.split(',')).toEqual(tags);
  expect(response.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
  expect(response.headers.get('etag')).toMatch(/^W\/".+"$/);
});

it('answers a matching If-None-Match with 304, compressed or not; an edit changes the ETag', async () => {
  const path = `/posts/${post.slug}`;
  const etag = (await fetch(`${webUrl}${path}`)).headers.get('etag')!;
  const unchanged = await revalidate(path, etag);
  expect(unchanged.status).toBe(304);
  expect(await unchanged.text()).toBe('');
  const identity = await fetch(`${webUrl}${path}`, {
    headers: { 'if-none-match': etag, 'cache-control': 'max-age=0', 'accept-encoding': 'identity' },
  });
  expect(identity.status).toBe(304);

  await updatePost(post.id, { summary: 'A summary edited for the ETag check' });
  const edited = await revalidate(path, etag);
  expect(edited.status).toBe(200);
  expect(edited.headers.get('etag')).not.toBe(etag);
  expect(await edited.text()).toContain('A summary edited for the ETag check');
});

it('listings and feeds name the listing tags and revalidate too', async () => {
  for (const path of ['/', '/feed.xml', `/category/${post.categories[0]!.slug}`]) {
    const response = await fetch(`${webUrl}${path}`);
    expect(response.status, path).toBe(200);
    expect(response.headers.get('surrogate-key'), path).toMatch(/listing:/);
    const again = await revalidate(path, response.headers.get('etag')!);
    expect(again.status, path).toBe(304);
  }
});

it('admin pages, errors and data requests are private and never stored', async () => {
  for (const path of ['/admin/login', '/posts/no-such-post', `/posts/${post.slug}.data`]) {
    const response = await fetch(`${webUrl}${path}`, { redirect: 'manual' });
    expect(response.headers.get('cache-control'), path).toBe('private, no-store');
    expect(response.headers.get('surrogate-key'), path).toBeNull();
  }
});
