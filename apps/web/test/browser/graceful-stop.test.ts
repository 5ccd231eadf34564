import { answeredWith, loadAcrossStop, type LoadRequest } from '@inkwell/http-drain/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startWebServer, type WebServer } from '../stack.js';
import { apiGet, apiUrl, countComments, type PostListing } from './support.js';

/*
 * The site stopped (SIGTERM) while readers read and comment on keep-alive connections: every
 * request is answered or refused at the door, and every comment stored was answered as stored,
 * so nobody posts the same comment twice.
 */

let site: WebServer | undefined;
let post: { id: number; slug: string };

beforeAll(async () => {
  post = (await apiGet<PostListing>('/api/posts?pageSize=1')).items[0]!;
  site = await startWebServer(apiUrl, { SHUTDOWN_TIMEOUT_MS: '5000' });
});

afterAll(async () => {
  await site?.stop();
});

/** Odd clients read pages; even ones post the comment form, each post from its own address. */
function readOrComment(client: number, n: number): LoadRequest {
  if (client % 2 === 1) return { method: 'GET', path: n % 2 ? '/' : `/posts/${post.slug}` };
  return {
    method: 'POST',
    path: `/posts/${post.slug}`,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: site!.webUrl,
      'x-forwarded-for': `10.${client}.${n >> 8}.${n & 255}`,
    },
    body: new URLSearchParams({
      authorName: 'Stop test',
      authorEmail: 'reader@example.org',
      body: `Comment ${client}/${n}`,
      renderedAt: String(Date.now() - 60_000),
    }).toString(),
  };
}

test('SIGTERM under load: no request cut off, no comment stored without its answer', async () => {
  const before = await countComments(post.id);
  const stop = await loadAcrossStop({
    url: site!.webUrl,
    clients: 6,
    request: readOrComment,
    stopAfterMs: 1_500,
    server: site!.child,
  });

  expect(stop.cutOff).toEqual([]);
  expect(stop.serverErrors).toEqual([]);
  expect(stop.answeredAfterStop).toBeGreaterThan(0);
  expect(stop.exitCode).toBe(0);
  expect(stop.exitedAfterMs).toBeLessThan(20_000);

  // A stored comment answers with the redirect to the post (303).
  const stored = answeredWith(stop.outcomes, 'POST', 303);
  expect(stored).toBeGreaterThan(0);
  expect((await countComments(post.id)) - before).toBe(stored);
}, 60_000);
