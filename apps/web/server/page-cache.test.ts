import { get as httpGet } from 'node:http';
import { type AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import compression from 'compression';
import express from 'express';
import { afterEach, describe, expect, test } from 'vitest';
import { createPageCache, type PageCache } from './page-cache.js';

let clock = 0;
let renders = 0;
/** Responses the compression middleware looked at (it asks its filter once per response). */
let compressionLooks = 0;
/** While set, the catch-all page waits for it before answering. */
let renderGate: Promise<void> | undefined;
let close: () => Promise<void> = async () => {};

const PAGE = 'public, max-age=0, must-revalidate';

/** A public page built from tagged reads, as the site's loaders answer: tags and an ETag. */
function page(res: express.Response, tags: string, body: string, cacheControl = PAGE) {
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Surrogate-Key', tags);
  res.setHeader('ETag', `W/"${tags.replaceAll(' ', '-')}-${renders}"`);
  res.type('html').send(body);
}

async function serve(cache: PageCache): Promise<string> {
  const app = express();
  // As the site's request logger does before the cache: each answer names its request.
  app.use((req, res, next) => {
    res.setHeader('X-Request-Id', req.headers['x-request-id'] ?? 'none');
    next();
  });
  app.use(cache.serve);
  app.use(
    compression({
      filter: (req, res) => {
        compressionLooks += 1;
        return compression.filter(req, res);
      },
    }),
  );
  app.use(cache.record);
  app.get('/private', (_req, res) => {
    renders += 1;
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(`private ${renders}`);
  });
  app.get('/broken', (_req, res) => {
    renders += 1;
    res.setHeader('Surrogate-Key', 'post:a');
    res.setHeader('Cache-Control', PAGE);
    res.status(500).send('oops');
  });
  app.get('/untagged', (_req, res) => {
    renders += 1;
    res.setHeader('Cache-Control', PAGE);
    res.send(`untagged ${renders}`);
  });
  app.get('/shared', (_req, res) => {
    renders += 1;
    page(res, 'post:shared', `shared ${renders}`, `${PAGE}, s-maxage=300`);
  });
  app.get('*', (req, res) => {
    renders += 1;
    const render = renders;
    const tags = req.path === '/' ? 'listing:all settings' : `post:${req.path.slice(1)} settings`;
    void Promise.resolve(renderGate).then(() =>
      page(res, tags, `<p>${req.originalUrl} render ${render}</p>${'x'.repeat(4000)}`),
    );
  });
  app.post('*', (_req, res) => res.status(303).setHeader('Location', '/').end());
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  close = () => new Promise((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await close();
  renders = 0;
  clock = 0;
  compressionLooks = 0;
  renderGate = undefined;
});

/** A cache following a live stream of drops, as the site starts it once the API answers. */
function liveCache(options: Partial<Parameters<typeof createPageCache>[0]> = {}): PageCache {
  const cache = createPageCache({ seconds: 3600, now: () => clock, ...options });
  cache.setLive(true);
  return cache;
}

const get = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { headers: { 'accept-encoding': 'identity', ...headers } });

/** A live cache whose first render of `/a` is under way and held open until `release`. */
async function renderHeldOpen() {
  let release = () => {};
  renderGate = new Promise((resolve) => (release = resolve));
  const cache = liveCache();
  const url = await serve(cache);
  const stale = get(`${url}/a`);
  await expect.poll(() => renders).toBe(1);
  return { cache, url, stale, release };
}

/**
 * Renders a page and waits until it is stored: a page is stored (compressed) just after its
 * first answer, and a request meanwhile waits for it, so the second request is a hit.
 */
async function stored(url: string): Promise<void> {
  await get(url);
  expect((await get(url)).headers.get('x-page-cache')).toBe('HIT');
}

describe('createPageCache', () => {
  test('a page is kept until a write drops one of its tags; other pages stay', async () => {
    const cache = liveCache();
    const url = await serve(cache);
    expect((await get(`${url}/a`)).headers.get('x-page-cache')).toBe('MISS');
    await get(`${url}/b`);
    clock += 3_000_000;
    const hit = await get(`${url}/a`);
    expect(hit.headers.get('x-page-cache')).toBe('HIT');
    expect(await hit.text()).toContain('render 1');

    cache.dropTags(['post:a']);
    expect(await (await get(`${url}/a`)).text()).toContain('render 3');
    expect((await get(`${url}/b`)).headers.get('x-page-cache')).toBe('HIT');
    // A tag every page carries (the settings) drops them all.
    cache.dropTags(['settings']);
    expect(cache.size).toBe(0);
  });

  test("a hit answers its own request's id, not the one of the render it replays", async () => {
    const url = await serve(liveCache());
    await get(`${url}/a`, { 'x-request-id': 'render-1' });
    const hit = await get(`${url}/a`, { 'x-request-id': 'reader-2' });
    expect(hit.headers.get('x-page-cache')).toBe('HIT');
    expect(hit.headers.get('x-request-id')).toBe('reader-2');
  });

  test('tells its observer how each request was met', async () => {
    const outcomes: string[] = [];
    const url = await serve(liveCache({ observe: (outcome) => outcomes.push(outcome) }));
    await stored(`${url}/a`);
    await get(`${url}/private`, { cookie: 'session=1' });
    await get(`${url}/a.data`);
    expect(outcomes).toEqual(['miss', 'hit', 'bypass', 'bypass']);
  });

  test('the TTL is the safety net when no write drops a page', async () => {
    const url = await serve(liveCache({ seconds: 60 }));
    await stored(`${url}/a`);
    clock += 60_000;
    expect(await (await get(`${url}/a`)).text()).toContain('render 2');
  });

  test('a hit is sent compressed as stored, in the encoding the reader accepts', async () => {
    const url = await serve(liveCache());
    const identity = await (await get(`${url}/a`)).text();
    const looksAtMiss = compressionLooks;
    for (const [accept, expected] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['gzip, br;q=0', 'gzip'],
      ['identity', null],
    ] as const) {
      const hit = await fetch(`${url}/a`, { headers: { 'accept-encoding': accept } });
      expect(hit.headers.get('x-page-cache')).toBe('HIT');
      expect(hit.headers.get('content-encoding')).toBe(expected);
      expect(hit.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(hit.headers.get('etag')).toBe('W/"post:a-settings-1"');
      expect(hit.headers.get('cache-control')).toBe(PAGE);
      expect(await hit.text()).toBe(identity);
    }
    // The bytes as a browser receives them (fetch above decoded them).
    const raw = await rawBody(`${url}/a`, 'br');
    expect(brotliDecompressSync(raw).toString()).toBe(identity);
    expect(raw.length).toBeLessThan(identity.length / 4);
    expect(gunzipSync(await rawBody(`${url}/a`, 'gzip')).toString()).toBe(identity);
    // The compression middleware never saw the hits.
    expect(compressionLooks).toBe(looksAtMiss);
    expect(renders).toBe(1);
  });

  test('a stored page answers a matching If-None-Match with 304', async () => {
    const url = await serve(liveCache());
    const etag = (await get(`${url}/a`)).headers.get('etag')!;
    // As a browser revalidates (fetch would add `no-cache`, which asks for a fresh render).
    const again = await get(`${url}/a`, { 'if-none-match': etag, 'cache-control': 'max-age=0' });
    expect(again.headers.get('x-page-cache')).toBe('HIT');
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(renders).toBe(1);
  });

  test('concurrent misses for one URL wait for one render', async () => {
    let release = () => {};
    renderGate = new Promise((resolve) => (release = resolve));
    const url = await serve(liveCache());
    const answers = Array.from({ length: 8 }, () => get(`${url}/a`, { 'accept-encoding': 'gzip' }));
    // Every request is in the server before the one render ends.
    await expect.poll(() => renders).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    const bodies = await Promise.all(answers.map(async (answer) => (await answer).text()));
    expect(renders).toBe(1);
    expect(new Set(bodies).size).toBe(1);
  });

  test('a render that began before a drop of its tags is not stored', async () => {
    const { cache, url, stale, release } = await renderHeldOpen();
    cache.dropTags(['post:a']);
    release();
    expect(await (await stale).text()).toContain('render 1');
    renderGate = undefined;
    expect(await (await get(`${url}/a`)).text()).toContain('render 2');
    expect((await get(`${url}/a`)).headers.get('x-page-cache')).toBe('HIT');
  });

  test('readers who waited on a render a drop made stale share one fresh render, kept', async () => {
    const { cache, url, stale, release } = await renderHeldOpen();
    const waiting = Array.from({ length: 4 }, () => get(`${url}/a`));
    // Every reader is in the server, waiting on the one render, when a write drops its tags.
    await new Promise((resolve) => setTimeout(resolve, 100));
    cache.dropTags(['post:a']);
    release();
    expect(await (await stale).text()).toContain('render 1');
    const bodies = await Promise.all(waiting.map(async (answer) => (await answer).text()));
    expect(new Set(bodies)).toEqual(new Set([expect.stringContaining('render 2')]));
    expect(renders).toBe(2);
    expect((await get(`${url}/a`)).headers.get('x-page-cache')).toBe('HIT');
  });

  test('while drops cannot reach it, nothing is kept or served', async () => {
    const cache = liveCache();
    const url = await serve(cache);
    await get(`${url}/a`);
    cache.setLive(false);
    expect(cache.size).toBe(0);
    await get(`${url}/a`);
    const bypassed = await get(`${url}/a`);
    expect(bypassed.headers.get('x-page-cache')).toBeNull();
    expect(await bypassed.text()).toContain('render 3');
    cache.setLive(true);
    // Kept again once drops reach it (polled: the check is that it comes back, not how soon).
    await expect
      .poll(async () => (await get(`${url}/a`)).headers.get('x-page-cache'), { interval: 20 })
      .toBe('HIT');
    expect(renders).toBeGreaterThanOrEqual(4);
  });

  test('a cache that was never told drops reach it serves nothing', async () => {
    const url = await serve(createPageCache({ seconds: 3600 }));
    await get(`${url}/a`);
    await get(`${url}/a`);
    expect(renders).toBe(2);
  });

  test('pages are keyed by the whole URL', async () => {
    const url = await serve(liveCache());
    await get(`${url}/?category=rust`);
    expect(await (await get(`${url}/?category=python`)).text()).toContain('render 2');
  });

  test.each([
    ['a data request', '/posts/a.data', {}],
    ['an admin page', '/admin/posts', {}],
    // A draft shown through its secret link, even if it were ever answered as a public page.
    ['a preview link', '/preview/secret-token', {}],
    ['a request with cookies', '/posts/a', { cookie: 'session=1' }],
    // The admin cookie is sent site-wide (Path=/): a signed-in admin reading the site.
    [
      'a signed-in admin',
      '/posts/a',
      { cookie: `inkwell_admin=${'a'.repeat(43)}.${'b'.repeat(43)}` },
    ],
  ])('%s is never cached', async (_name, path, headers) => {
    const url = await serve(liveCache());
    await get(`${url}${path}`, headers);
    const again = await get(`${url}${path}`, headers);
    expect(again.headers.get('x-page-cache')).toBeNull();
    expect(renders).toBe(2);
  });

  test('private, failed and untagged responses are not stored', async () => {
    const url = await serve(liveCache());
    for (const path of ['/private', '/broken', '/untagged']) {
      await get(`${url}${path}`);
      await get(`${url}${path}`);
    }
    expect(renders).toBe(6);
  });

  test('CDN-kept (s-maxage) pages are stored too: drops reach this cache before the CDN purge', async () => {
    const url = await serve(liveCache());
    await get(`${url}/shared`);
    expect((await get(`${url}/shared`)).headers.get('x-page-cache')).toBe('HIT');
  });

  test('the least recently used page goes first when full, by count or by bytes', async () => {
    const byCount = liveCache({ maxEntries: 2 });
    let url = await serve(byCount);
    await stored(`${url}/a`);
    await stored(`${url}/b`);
    await get(`${url}/a`); // a is now the most recent
    await stored(`${url}/c`); // b goes
    expect(renders).toBe(3);
    expect((await get(`${url}/a`)).headers.get('x-page-cache')).toBe('HIT');
    expect((await get(`${url}/b`)).headers.get('x-page-cache')).toBe('MISS');
    await close();

    // Each page is ~4 KB identity plus its compressed copies: room for two.
    const byBytes = liveCache({ maxBytes: 10_000 });
    url = await serve(byBytes);
    for (const path of ['/a', '/b', '/c']) await stored(`${url}${path}`);
    expect(byBytes.size).toBe(2);
    expect((await get(`${url}/a`)).headers.get('x-page-cache')).toBe('MISS');
  });

  test('a form post leaves the other pages alone (its write drops what it changed)', async () => {
    const cache = liveCache();
    const url = await serve(cache);
    await get(`${url}/a`);
    await fetch(`${url}/a`, { method: 'POST', redirect: 'manual' });
    expect((await get(`${url}/a`)).headers.get('x-page-cache')).toBe('HIT');
  });

  test('0 seconds turns it off', async () => {
    const url = await serve(liveCache({ seconds: 0 }));
    await get(`${url}/a`);
    await get(`${url}/a`);
    expect(renders).toBe(2);
  });
});

/** The body as sent, not decoded. */
function rawBody(url: string, encoding: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks)));
    }).on('error', reject);
  });
}
