import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWebServer, type WebServer } from '../stack.js';
import { adminHeaders, apiUrl } from './support.js';

/*
 * What a page rendered afresh costs (docs/decisions/0043-a-render-reads-less-and-sends-once.md),
 * with the page cache off: two site processes in front of the shared API, reached through a
 * relay that counts what the sites ask the API. The reads every page makes alike (settings,
 * static pages) are kept by each site process until a write drops them; a page is sent whole.
 */

/** Counts each API path the sites read, and relays every request (events included) as it is. */
async function startCountingRelay(target: string) {
  const reads = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', target).pathname;
    reads.set(path, (reads.get(path) ?? 0) + 1);
    const forwarded = http.request(new URL(req.url ?? '/', target), {
      method: req.method,
      headers: req.headers,
    });
    forwarded.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    readsOf: (path: string) => reads.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let relay: Awaited<ReturnType<typeof startCountingRelay>>;
let sites: WebServer[] = [];
let originalTitle: string;

async function settingsTitle(): Promise<string> {
  const response = await fetch(`${apiUrl}/api/settings`);
  return ((await response.json()) as { title: string }).title;
}

async function setTitle(title: string): Promise<void> {
  const saved = await fetch(`${apiUrl}/api/admin/settings`, {
    method: 'PATCH',
    headers: { ...(await adminHeaders()), 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  expect(saved.ok).toBe(true);
}

/** The page's HTML, after checking it rendered (the page cache is off: every page renders). */
async function page(web: WebServer, path: string): Promise<string> {
  const response = await fetch(`${web.webUrl}${path}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('x-page-cache')).toBeNull();
  return response.text();
}

/** Waits until a site keeps the settings (it keeps nothing until it follows the API's drops). */
async function settingsKept(web: WebServer): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    await page(web, '/');
    const before = relay.readsOf('/api/settings');
    await page(web, '/');
    if (relay.readsOf('/api/settings') === before) return;
  }
  throw new Error(`${web.webUrl} never kept the settings`);
}

beforeAll(async () => {
  originalTitle = await settingsTitle();
  relay = await startCountingRelay(apiUrl);
  sites = await Promise.all(
    [0, 1].map(() => startWebServer(relay.url, { PAGE_CACHE_SECONDS: '0' })),
  );
}, 180_000);

afterAll(async () => {
  await Promise.all(sites.map((site) => site.stop()));
  await relay?.close();
  if (originalTitle) await setTitle(originalTitle);
});

describe('reads every page makes alike', () => {
  test('are read from the API once for many pages, by each site process', async () => {
    for (const site of sites) await settingsKept(site);
    const settings = relay.readsOf('/api/settings');
    const pages = relay.readsOf('/api/pages');
    const posts = relay.readsOf('/api/posts');
    for (const site of sites) {
      for (let count = 0; count < 3; count++) await page(site, '/');
    }
    expect(relay.readsOf('/api/settings')).toBe(settings);
    expect(relay.readsOf('/api/pages')).toBe(pages);
    // Each page still reads what is its own.
    expect(relay.readsOf('/api/posts')).toBe(posts + 6);
  });

  test('a settings change shows on the next request to every site process', async () => {
    for (const site of sites) await settingsKept(site);
    const title = `Renamed ${Date.now()}`;
    await setTitle(title);
    for (const site of sites) {
      expect(await page(site, '/'), site.webUrl).toContain(title);
    }
    await setTitle(originalTitle);
    for (const site of sites) {
      expect(await page(site, '/'), site.webUrl).not.toContain(title);
    }
  });
});

test('a rendered page is sent whole: compressed in one piece, its length known', async () => {
  const response = await fetch(`${sites[0]!.webUrl}/`, {
    headers: { 'accept-encoding': 'gzip, deflate, br' },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-encoding')).toBe('br');
  expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
  expect(response.headers.get('transfer-encoding')).toBeNull();
  expect(await response.text()).toContain('</html>');
});
