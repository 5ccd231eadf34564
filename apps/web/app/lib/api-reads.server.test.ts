import { expect, test } from 'vitest';
import { ApiReads, isNotModified, pageKey } from './api-reads.server.js';

const read = (tags: string, etag: string, cacheControl = 'public, max-age=0, must-revalidate') =>
  new Response('{}', {
    headers: { 'surrogate-key': tags, etag, 'cache-control': cacheControl },
  });

const reads = (...responses: Response[]) => {
  const collected = new ApiReads();
  for (const response of responses) collected.record(response);
  return collected;
};

test('a page names the tags of every read, and shared caches get the shortest s-maxage', () => {
  const headers = reads(
    read('post:a post-links', 'W/"1"', 'public, max-age=0, s-maxage=600'),
    read('settings', 'W/"2"', 'public, max-age=0, s-maxage=300'),
  ).publicHeaders('v1 /posts/a');
  expect(headers['Surrogate-Key']).toBe('post:a post-links settings');
  expect(headers['Cache-Tag']).toBe('post:a,post-links,settings');
  expect(headers['Cache-Control']).toBe('public, max-age=0, must-revalidate, s-maxage=300');
  expect(headers.ETag).toMatch(/^W\/".+"$/);
});

test('one read without s-maxage, or a failed one, keeps the page out of shared caches', () => {
  const shared = read('post:a', 'W/"1"', 'public, s-maxage=600');
  expect(
    reads(shared, read('settings', 'W/"2"')).publicHeaders('k')['Cache-Control'],
  ).not.toContain('s-maxage');
  const failed = reads(shared, new Response('{}', { status: 503 })).publicHeaders('k');
  expect(failed['Cache-Control']).not.toContain('s-maxage');
  expect(failed.ETag).toBeUndefined();
});

test('the ETag follows the reads and the page key, not the order the reads finished in', () => {
  const etagOf = (key: string, ...etags: string[]) =>
    reads(...etags.map((etag) => read('t', etag))).publicHeaders(key).ETag;
  expect(etagOf('v1 /', 'W/"1"', 'W/"2"')).toBe(etagOf('v1 /', 'W/"2"', 'W/"1"'));
  expect(etagOf('v1 /', 'W/"1"', 'W/"2"')).not.toBe(etagOf('v1 /', 'W/"1"', 'W/"3"'));
  expect(etagOf('v1 /', 'W/"1"')).not.toBe(etagOf('v2 /', 'W/"1"'));
  expect(reads(read('t', 'W/"1"')).publicHeaders(undefined).ETag).toBeUndefined();
});

test('If-None-Match matches weakly, in a list, or as *', () => {
  const request = (ifNoneMatch: string) =>
    new Request('http://site.test/posts/a?x=1', { headers: { 'if-none-match': ifNoneMatch } });
  expect(isNotModified(request('W/"abc"'), 'W/"abc"')).toBe(true);
  expect(isNotModified(request('"abc"'), 'W/"abc"')).toBe(true);
  expect(isNotModified(request('W/"x", W/"abc"'), 'W/"abc"')).toBe(true);
  expect(isNotModified(request('*'), 'W/"abc"')).toBe(true);
  expect(isNotModified(request('W/"x"'), 'W/"abc"')).toBe(false);
  expect(isNotModified(request('W/"abc"'), undefined)).toBe(false);
  expect(pageKey('v1', request('*'))).toBe('v1 /posts/a?x=1');
  expect(pageKey(undefined, request('*'))).toBeUndefined();
});
