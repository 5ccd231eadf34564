import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createScratchPostgresDatabase, type ScratchDatabase } from '@inkwell/prisma/testing';
import { commentChannel, FayeNodeClient } from '@inkwell/realtime';
import { runApiScript, workspacePackageDir } from '@inkwell/test-stack';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startScaledOutStack, type ScaledOutStack } from '../stack.js';
import { checkWritesThroughPageCaches, pageAt } from './page-cache-checks.js';
import { adminHeadersAt, connectBrowser } from './support.js';

/*
 * The site scaled out: two APIs on one PostgreSQL database and one Redis, a web process in front
 * of each. A write through one process shows through every other one at once: the API's caches
 * and search through Redis, each site's page cache (shared through Redis) through the dropped
 * tags the API it follows hears from every API process.
 */

/** The site's page cache in each web process, as `PAGE_CACHE_SECONDS` sets it by default. */
const PAGE_CACHE_SECONDS = 3600;

let scratch: ScratchDatabase;
let stack: ScaledOutStack;
/** What every process of the stack shares: its database and its keys in Redis. */
let services: { DATABASE_URL: string; REDIS_URL: string; CACHE_NAMESPACE: string };

beforeAll(async () => {
  scratch = await createScratchPostgresDatabase('inkwell_scaled_out');
  services = {
    DATABASE_URL: scratch.url,
    REDIS_URL: 'redis://127.0.0.1:6379',
    // Its own cache keys, realtime channel and rate-limit counters: other suites share Redis.
    CACHE_NAMESPACE: `test-scaled-${randomBytes(4).toString('hex')}`,
  };
  stack = await startScaledOutStack({
    databaseUrl: services.DATABASE_URL,
    redisUrl: services.REDIS_URL,
    cacheNamespace: services.CACHE_NAMESPACE,
    pageCacheSeconds: PAGE_CACHE_SECONDS,
  });
}, 240_000);

afterAll(async () => {
  await stack?.stop();
  await scratch?.drop();
});

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return (await response.json()) as T;
}

async function getHtml(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return response.text();
}

interface PostView {
  post: { id: number; title: string; slug: string };
}

test('a post edited through one API shows through both APIs, search and both sites', async () => {
  const [apiA, apiB] = stack.apiUrls;
  const { items } = await getJson<{ items: { slug: string }[] }>(`${apiA}/api/posts?pageSize=1`);
  const slug = items[0]!.slug;
  const { post } = await getJson<PostView>(`${apiB}/api/posts/${slug}`);
  const word = `quokka${randomBytes(3).toString('hex')}`;
  const search = (api: string) =>
    getJson<{ hits: { slug: string }[] }>(`${api}/api/search?q=${word}`);
  // Every layer holds the old state: memoized reads and search in Redis, a page in each site.
  expect((await search(apiB)).hits).toEqual([]);
  for (const web of stack.webUrls) {
    await getHtml(`${web}/posts/${slug}`);
    const cached = await fetch(`${web}/posts/${slug}`);
    expect(cached.headers.get('x-page-cache')).toBe('HIT');
    expect((await cached.text()).includes(word)).toBe(false);
  }

  const auth = await adminHeadersAt(apiA, stack.admin);
  const current = (await (
    await fetch(`${apiA}/api/admin/posts/${post.id}`, { headers: auth })
  ).json()) as { version: number };
  const title = `${post.title} and the ${word}`;
  const saved = await fetch(`${apiA}/api/admin/posts/${post.id}`, {
    method: 'PUT',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ version: current.version, title }),
  });
  expect(saved.status).toBe(200);

  // The API's memo cache and search: at once, through either process.
  for (const api of stack.apiUrls) {
    expect((await getJson<PostView>(`${api}/api/posts/${slug}`)).post.title).toBe(title);
    expect((await search(api)).hits.map((hit) => hit.slug)).toEqual([slug]);
  }
  // The sites: on the next request, though the page was kept for an hour.
  for (const web of stack.webUrls) {
    expect((await getHtml(`${web}/posts/${slug}`)).includes(word)).toBe(true);
    expect((await getHtml(`${web}/search?q=${word}`)).includes(word)).toBe(true);
  }
});

test('a page one site process rendered is answered by the other from Redis, not rendered again', async () => {
  const [webA, webB] = stack.webUrls;
  const [apiA] = stack.apiUrls;
  const { items } = await getJson<{ items: { slug: string }[] }>(`${apiA}/api/posts?pageSize=3`);
  const path = `/posts/${items[2]!.slug}`;
  expect((await pageAt(`${webA}${path}`)).cache).toBe('MISS');
  // A process keeps a page in its memory once Redis has taken it.
  await expect.poll(async () => (await pageAt(`${webA}${path}`)).cache).toBe('HIT');
  const shared = await pageAt(`${webB}${path}`);
  expect(shared.cache).toBe('HIT');
  expect(shared.html).toBe((await pageAt(`${webA}${path}`)).html);
});

describe('writes through the first API, both site processes', () => {
  checkWritesThroughPageCaches(() => ({
    apiUrl: stack.apiUrls[0],
    webUrls: stack.webUrls,
    admin: stack.admin,
  }));
});

test('a comment approved through one API reaches a reader connected to the other', async () => {
  const [apiA, apiB] = stack.apiUrls;
  const { items } = await getJson<{ items: { slug: string }[] }>(`${apiA}/api/posts?pageSize=1`);
  const { post } = await getJson<PostView>(`${apiA}/api/posts/${items[0]!.slug}`);
  const reader = new FayeNodeClient(`${apiB}/realtime`);
  const hints: { latestCommentId: number }[] = [];
  try {
    await reader.subscribe(commentChannel(post.id), (hint) =>
      hints.push(hint as { latestCommentId: number }),
    );
    const created = await fetch(`${apiA}/api/posts/${post.slug}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        authorName: 'Grace',
        authorEmail: 'grace@example.org',
        body: 'Seen from the other process',
        renderedAt: Date.now() - 60_000,
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    // A first comment is held; the admin approves it through the same API.
    const auth = await adminHeadersAt(apiA, stack.admin);
    const approved = await fetch(`${apiA}/api/admin/comments/${id}/approve`, {
      method: 'POST',
      headers: auth,
    });
    expect(approved.ok).toBe(true);
    await expect
      .poll(() => hints.map((hint) => hint.latestCommentId), { timeout: 5_000, interval: 50 })
      .toContain(id);
  } finally {
    reader.disconnect();
  }
});

test('failed logins are counted across both APIs', async () => {
  const [apiA, apiB] = stack.apiUrls;
  const attempt = (api: string) =>
    fetch(`${api}/api/admin/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: stack.admin.email, password: 'not the password' }),
    });
  // Five failures per account, spread over both processes, use up the account's allowance.
  for (const api of [apiA, apiB, apiA, apiB, apiA]) expect((await attempt(api)).status).toBe(401);
  const refused = await attempt(apiB);
  expect(refused.status).toBe(429);
  expect(await refused.text()).toContain('Too many failed logins for this account');
});

test('a blog imported beside the running site keeps its old addresses: readers land on the posts', async () => {
  const wxr = path.join(
    workspacePackageDir('@inkwell/api'),
    'test/fixtures/import/wordpress/export.xml',
  );
  const imported = await runApiScript('src/cli/import.ts', { env: services, args: [wxr] });
  expect(imported.code, imported.output).toBe(0);

  for (const web of stack.webUrls) {
    for (const old of ['/?p=12', '/2019/03/04/cutting-dovetails-by-hand/']) {
      const moved = await fetch(`${web}${old}`, { redirect: 'manual' });
      expect(moved.status).toBe(301);
      expect(moved.headers.get('location')).toBe('/posts/cutting-dovetails-by-hand');
    }
    // An address the former blog had but no imported post took (an untitled draft's) stays 404.
    expect((await fetch(`${web}/?p=56`, { redirect: 'manual' })).status).toBe(404);
  }

  const browser = await connectBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${stack.webUrls[1]}/2020/07/21/truing-a-wheel/`);
    expect(new URL(page.url()).pathname).toBe('/posts/truing-a-wheel');
    expect(await page.locator('h1').textContent()).toBe('Truing a wheel on the kitchen table');
  } finally {
    await browser.close();
  }
});
