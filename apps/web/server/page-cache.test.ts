import { type AddressInfo } from 'node:net';
import compression from 'compression';
import express from 'express';
import { afterEach, describe, expect, test } from 'vitest';
import { createPageCache, type PageCache } from './page-cache.js';

let clock = 0;
let renders = 0;
let close: () => Promise<void> = async () => {};

async function serve(cache: PageCache): Promise<string> {
  const app = express();
  app.use(compression());
  app.use(cache.middleware);
  app.get('/private', (_req, res) => {
    renders += 1;
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(`private ${renders}`);
  });
  app.get('/broken', (_req, res) => {
    renders += 1;
    res.setHeader('Cache-Control', 'public, max-age=60');
    res.status(500).send('oops');
  });
  app.get('/shared', (_req, res) => {
    renders += 1;
    res.setHeader('Cache-Control', 'public, max-age=0, must-revalidate, s-maxage=300');
    res.send(`shared ${renders}`);
  });
  app.get('*', (req, res) => {
    renders += 1;
    res.setHeader('Cache-Control', 'public, max-age=0, must-revalidate');
    res.type('html').send(`<p>${req.originalUrl} render ${renders}</p>${'x'.repeat(2000)}`);
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
});

const options = { seconds: 2, now: () => clock };

describe('createPageCache', () => {
  test('one render answers repeated requests until it is older than the cache time', async () => {
    const url = await serve(createPageCache(options));
    const first = await fetch(`${url}/posts/a`);
    expect(first.headers.get('x-page-cache')).toBe('MISS');
    const firstBody = await first.text();
    const second = await fetch(`${url}/posts/a`, { headers: { 'accept-encoding': 'gzip' } });
    expect(second.headers.get('x-page-cache')).toBe('HIT');
    expect(second.headers.get('content-encoding')).toBe('gzip');
    expect(second.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(await second.text()).toBe(firstBody);
    expect(renders).toBe(1);
    clock += 2_001;
    expect(await (await fetch(`${url}/posts/a`)).text()).toContain('render 2');
  });

  test('a stored page answers a matching If-None-Match with 304', async () => {
    const url = await serve(createPageCache(options));
    const etag = (await fetch(`${url}/posts/a`)).headers.get('etag')!;
    // As a browser revalidates (fetch would add `no-cache`, which asks for a fresh render).
    const again = await fetch(`${url}/posts/a`, {
      headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' },
    });
    expect(again.headers.get('x-page-cache')).toBe('HIT');
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(renders).toBe(1);
  });

  test('pages are keyed by the whole URL', async () => {
    const url = await serve(createPageCache(options));
    await fetch(`${url}/?category=rust`);
    expect(await (await fetch(`${url}/?category=python`)).text()).toContain('render 2');
  });

  test('a form post empties the cache', async () => {
    const cache = createPageCache(options);
    const url = await serve(cache);
    await fetch(`${url}/posts/a`);
    expect(cache.size).toBe(1);
    await fetch(`${url}/posts/a`, { method: 'POST', redirect: 'manual' });
    expect(cache.size).toBe(0);
    expect(await (await fetch(`${url}/posts/a`)).text()).toContain('render 2');
  });

  test.each([
    ['a data request', '/posts/a.data', {}],
    ['an admin page', '/admin/posts', {}],
    ['a request with cookies', '/posts/a', { cookie: 'session=1' }],
    // The admin cookie is sent site-wide (Path=/): a signed-in admin reading the site.
    [
      'a signed-in admin',
      '/posts/a',
      { cookie: `inkwell_admin=${'a'.repeat(43)}.${'b'.repeat(43)}` },
    ],
  ])('%s is never cached', async (_name, path, headers) => {
    const url = await serve(createPageCache(options));
    await fetch(`${url}${path}`, { headers });
    const again = await fetch(`${url}${path}`, { headers });
    expect(again.headers.get('x-page-cache')).toBeNull();
    expect(renders).toBe(2);
  });

  test('private, failed and CDN-kept (s-maxage) responses are not stored', async () => {
    const url = await serve(createPageCache(options));
    await fetch(`${url}/shared`);
    await fetch(`${url}/shared`);
    await fetch(`${url}/private`);
    await fetch(`${url}/private`);
    await fetch(`${url}/broken`);
    await fetch(`${url}/broken`);
    expect(renders).toBe(6);
  });

  test('the least recently used page goes first when full', async () => {
    const cache = createPageCache({ ...options, maxEntries: 2 });
    const url = await serve(cache);
    await fetch(`${url}/a`);
    await fetch(`${url}/b`);
    await fetch(`${url}/a`); // a is now the most recent
    await fetch(`${url}/c`); // b goes
    expect(renders).toBe(3);
    expect((await fetch(`${url}/a`)).headers.get('x-page-cache')).toBe('HIT');
    expect((await fetch(`${url}/b`)).headers.get('x-page-cache')).toBe('MISS');
  });

  test('0 seconds turns it off', async () => {
    const url = await serve(createPageCache({ seconds: 0 }));
    await fetch(`${url}/a`);
    await fetch(`${url}/a`);
    expect(renders).toBe(2);
  });
});
