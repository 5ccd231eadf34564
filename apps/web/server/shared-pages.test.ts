import { randomUUID } from 'node:crypto';
import { type AddressInfo } from 'node:net';
import { createClient } from '@redis/client';
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createPageCache, type PageCache } from './page-cache.js';
import { openSharedPages } from './shared-pages.js';

/* Two page caches over one Redis prefix stand for two site processes, each following its own stream. */

const REDIS_URL = 'redis://127.0.0.1:6379';
const redis = createClient({ url: REDIS_URL });
let prefix = '';
/** Site processes started over the current prefix: each moves the epoch on as its stream opens. */
let started = 0;
const running: Array<() => Promise<void>> = [];

beforeAll(async () => {
  await redis.connect();
});
afterAll(async () => {
  redis.destroy();
});
afterEach(async () => {
  for (const stop of running.splice(0)) await stop();
  started = 0;
  const keys: string[] = [];
  for await (const batch of redis.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 }))
    keys.push(...batch);
  if (keys.length > 0) await redis.unlink(keys);
});

interface SiteProcess {
  cache: PageCache;
  url: string;
  renders: () => number;
  /** While set, pages wait for it before answering. */
  gate?: Promise<void>;
}

/** A site process: its page cache (live, as once its stream is open) in front of a renderer. */
async function siteProcess(
  options: { redisUrl?: string; maxEntries?: number; errors?: unknown[] } = {},
): Promise<SiteProcess> {
  const cache = createPageCache({
    seconds: 3600,
    maxEntries: options.maxEntries,
    shared: openSharedPages({
      url: options.redisUrl ?? REDIS_URL,
      prefix,
      onError: (error) => options.errors?.push(error),
    }),
    onSharedError: (error) => options.errors?.push(error),
  });
  cache.setLive(true);
  started += 1;
  if (!options.redisUrl) {
    await expect.poll(() => redis.get(`${prefix}:epoch`)).toBe(String(started));
  }
  let renders = 0;
  const site: SiteProcess = { cache, url: '', renders: () => renders };
  const app = express();
  app.use(cache.serve, cache.record);
  app.get('*', (req, res) => {
    renders += 1;
    const render = renders;
    void Promise.resolve(site.gate).then(() => {
      res.setHeader('Cache-Control', 'public, max-age=0, must-revalidate');
      res.setHeader('Surrogate-Key', `post:${req.path.slice(1)} settings`);
      res.setHeader('ETag', `W/"${req.path}-${render}"`);
      res.type('html').send(`<p>${req.path} render ${render}</p>${'x'.repeat(2000)}`);
    });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  site.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  running.push(async () => {
    await new Promise((resolve) => server.close(resolve));
    await cache.close();
  });
  return site;
}

const get = async (site: SiteProcess, path: string) => {
  const response = await fetch(`${site.url}${path}`, { headers: { 'accept-encoding': 'gzip' } });
  return { cache: response.headers.get('x-page-cache'), body: await response.text() };
};

/** Until the shared store has applied the drops sent to it (they are sent, not awaited). */
const pageKeys = () => redis.keys(`${prefix}:page:*`);

describe('the page cache shared through Redis', () => {
  test('a page one process rendered is a hit in another, sent as stored', async () => {
    prefix = `inkwell-test-pages-${randomUUID()}`;
    const [one, two] = [await siteProcess(), await siteProcess()];
    const first = await get(one, '/a');
    expect(first.cache).toBe('MISS');
    await expect.poll(pageKeys).toHaveLength(1);
    const shared = await get(two, '/a');
    expect(shared).toEqual({ cache: 'HIT', body: first.body });
    expect(two.renders()).toBe(0);
    // From its own memory from then on.
    expect((await get(two, '/a')).cache).toBe('HIT');
    expect(await redis.ttl((await pageKeys())[0]!)).toBeGreaterThan(3500);
  });

  test('a drop empties the shared store at once, and each process its own copies', async () => {
    prefix = `inkwell-test-pages-${randomUUID()}`;
    const [one, two, three] = [await siteProcess(), await siteProcess(), await siteProcess()];
    await get(one, '/a');
    await get(one, '/b');
    await expect.poll(pageKeys).toHaveLength(2);
    await get(two, '/a'); // now in two's memory too
    // The write's drop, as each process's stream announces it; one has applied it first.
    one.cache.dropTags(['post:a']);
    await expect.poll(pageKeys).toHaveLength(1);
    // Three never had /a in its memory: the shared store no longer has it either.
    expect((await get(three, '/a')).body).toContain('render 1');
    expect(three.renders()).toBe(1);
    two.cache.dropTags(['post:a']);
    three.cache.dropTags(['post:a']);
    // Until a process's drop is applied in Redis it reads no page there: wait for all three.
    await expect.poll(() => redis.get(`${prefix}:drops`)).toBe('3');
    expect((await get(two, '/a')).cache).toBe('MISS');
    // The other page stays shared.
    expect((await get(two, '/b')).cache).toBe('HIT');
    expect(two.renders()).toBe(1);
  });

  test('a render under way in one process when another applies a drop is not stored', async () => {
    prefix = `inkwell-test-pages-${randomUUID()}`;
    const [one, two] = [await siteProcess(), await siteProcess()];
    let release = () => {};
    one.gate = new Promise((resolve) => (release = resolve));
    const stale = get(one, '/a');
    await expect.poll(() => one.renders()).toBe(1);
    // Two hears of the write first; one's stream has not told it yet.
    two.cache.dropTags(['post:a']);
    await expect.poll(() => redis.get(`${prefix}:dropped:post:a`)).toBe('1');
    release();
    expect((await stale).body).toContain('render 1');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await pageKeys()).toEqual([]);
    // Nor kept in the memory of the process that rendered it.
    one.gate = undefined;
    expect((await get(one, '/a')).body).toContain('render 2');
    await expect.poll(pageKeys).toHaveLength(1);
    expect((await get(two, '/a')).body).toContain('render 2');
  });

  test('a process whose stream (re)opens never reads what was shared before', async () => {
    prefix = `inkwell-test-pages-${randomUUID()}`;
    const [one, two] = [await siteProcess(), await siteProcess()];
    await get(one, '/a');
    await expect.poll(pageKeys).toHaveLength(1);
    // Two lost its stream: drops meanwhile may have reached no process.
    two.cache.setLive(false);
    two.cache.setLive(true);
    expect((await get(two, '/a')).body).toContain('render 1');
    expect(two.renders()).toBe(1);
  });

  test('concurrent misses in one process render once', async () => {
    prefix = `inkwell-test-pages-${randomUUID()}`;
    const one = await siteProcess();
    let release = () => {};
    one.gate = new Promise((resolve) => (release = resolve));
    const answers = Array.from({ length: 6 }, () => get(one, '/a'));
    await expect.poll(() => one.renders()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    const bodies = await Promise.all(answers);
    expect(new Set(bodies.map(({ body }) => body)).size).toBe(1);
    expect(one.renders()).toBe(1);
  });

  test('with no front, concurrent requests for a shared page wait for one read of it', async () => {
    prefix = `inkwell-test-pages-${randomUUID()}`;
    const [one, two] = [await siteProcess(), await siteProcess({ maxEntries: 0 })];
    const rendered = await get(one, '/a');
    await expect.poll(pageKeys).toHaveLength(1);
    const answers = await Promise.all(Array.from({ length: 6 }, () => get(two, '/a')));
    expect(answers.map(({ cache }) => cache)).toEqual(Array(6).fill('HIT'));
    expect(new Set(answers.map(({ body }) => body))).toEqual(new Set([rendered.body]));
    expect(two.renders()).toBe(0);
    expect(two.cache.size).toBe(0);
  });

  test('without Redis each process keeps serving, and keeps pages on its own', async () => {
    prefix = `inkwell-test-pages-${randomUUID()}`;
    const errors: unknown[] = [];
    // Nothing listens on port 1.
    const alone = await siteProcess({ redisUrl: 'redis://127.0.0.1:1', errors });
    expect((await get(alone, '/a')).cache).toBe('MISS');
    expect(await get(alone, '/a')).toMatchObject({ cache: 'HIT' });
    alone.cache.dropTags(['post:a']);
    expect((await get(alone, '/a')).body).toContain('render 2');
    expect(errors.length).toBeGreaterThan(0);
  });
});
