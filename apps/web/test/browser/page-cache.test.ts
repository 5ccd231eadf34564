import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compressPage } from '../../server/page-cache.js';
import { startStack, startWebServer, type Stack, type WebServer } from '../stack.js';
import { checkWritesThroughPageCaches, pageAt, stored } from './page-cache-checks.js';
import { adminHeadersAt } from './support.js';

/*
 * The page cache as `npm start` runs it (one API, PGlite), with two site processes in front:
 * pages are kept until a write drops one of their tags, stored compressed, rendered once.
 */

/** Far longer than the checks: only the API's drops make a page go. */
const PAGE_CACHE_SECONDS = '3600';

let stack: Stack;
let second: WebServer;

beforeAll(async () => {
  stack = await startStack({ pageCacheSeconds: Number(PAGE_CACHE_SECONDS) });
  second = await startWebServer(stack.apiUrl, { PAGE_CACHE_SECONDS });
}, 180_000);

afterAll(async () => {
  await second?.stop();
  await stack?.stop();
});

async function firstPostSlug(index: number): Promise<string> {
  const response = await fetch(`${stack.apiUrl}/api/posts?pageSize=50`);
  return ((await response.json()) as { items: { slug: string }[] }).items.at(-1 - index)!.slug;
}

describe('a stored page', () => {
  test('is sent as brotli, gzip or identity from one render, and 304 for its ETag', async () => {
    const url = `${stack.webUrl}/posts/${await firstPostSlug(0)}`;
    const { html } = await stored(url);
    // Compressed when stored, not per answer: the bytes of each encoding are known in advance.
    const bodies = await compressPage(Buffer.from(html));
    const etags = new Set<string | null>();
    for (const [accept, encoding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['identity', 'identity'],
    ] as const) {
      const response = await fetch(url, { headers: { 'accept-encoding': accept } });
      expect(response.headers.get('x-page-cache')).toBe('HIT');
      expect(response.headers.get('content-encoding') ?? 'identity').toBe(encoding);
      expect(Number(response.headers.get('content-length'))).toBe(bodies[encoding].length);
      expect(response.headers.get('vary')).toMatch(/Accept-Encoding/i);
      expect(await response.text()).toBe(html);
      etags.add(response.headers.get('etag'));
    }
    expect(etags.size).toBe(1);
    const [etag] = etags;
    const revalidated = await fetch(url, {
      headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0' },
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('x-page-cache')).toBe('HIT');
  });

  test('concurrent first requests for a page wait for one render', async () => {
    const url = `${stack.webUrl}/posts/${await firstPostSlug(1)}`;
    const answers = await Promise.all(Array.from({ length: 8 }, () => pageAt(url)));
    expect(answers.map((answer) => answer.cache).sort()).toEqual([
      ...Array<string>(7).fill('HIT'),
      'MISS',
    ]);
    expect(new Set(answers.map((answer) => answer.html)).size).toBe(1);
  });
});

describe('a commenter with a held comment', () => {
  test('gets their own page, never one from the cache nor stored in it, until approval', async () => {
    const url = `${stack.webUrl}/posts/${await firstPostSlug(2)}`;
    await stored(url);
    const body = `Held, and mine alone ${Date.now()}`;
    const posted = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'x-forwarded-for': '198.51.100.90' },
      body: new URLSearchParams({
        authorName: 'Lin',
        authorEmail: 'lin@example.org',
        body,
        renderedAt: String(Date.now() - 60_000),
      }),
    });
    expect(posted.status).toBe(303);
    const cookie = posted.headers.get('set-cookie')!.split(';')[0]!;
    expect(cookie).toMatch(/^inkwell_held_comments=/);

    const mine = await fetch(url, { headers: { cookie } });
    expect(mine.headers.get('x-page-cache')).not.toBe('HIT');
    expect(mine.headers.get('cache-control')).toBe('private, no-store');
    const html = await mine.text();
    expect(html).toContain(body);
    expect(html).toContain('awaiting moderation');

    const anyone = await pageAt(url);
    expect(anyone.cache).toBe('HIT');
    expect(anyone.html).not.toContain(body);

    // Approved: in everyone's thread, and the writer's cookie is dropped.
    const auth = await adminHeadersAt(stack.apiUrl, stack.admin);
    const queue = await fetch(`${stack.apiUrl}/api/admin/comments?status=pending&pageSize=100`, {
      headers: auth,
    });
    const { items } = (await queue.json()) as { items: { id: number; body: string }[] };
    const ids = items.filter((item) => item.body === body).map((item) => item.id);
    const approved = await fetch(`${stack.apiUrl}/api/admin/comments/bulk`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'approve', ids }),
    });
    expect(approved.ok).toBe(true);
    const after = await fetch(url, { headers: { cookie } });
    expect(after.headers.get('set-cookie')).toMatch(
      /^inkwell_held_comments=;.*Expires=Thu, 01 Jan 1970/,
    );
    const thread = await after.text();
    expect(thread).toContain(body);
    expect(thread).not.toContain('awaiting moderation');
  });
});

describe('writes through one API with two site processes', () => {
  checkWritesThroughPageCaches(() => ({
    apiUrl: stack.apiUrl,
    webUrls: [stack.webUrl, second.webUrl],
    admin: stack.admin,
  }));
});
