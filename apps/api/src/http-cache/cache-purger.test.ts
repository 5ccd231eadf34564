import { Registry } from 'prom-client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type PurgeServer, startPurgeServer } from '../../test/purge-server.js';
import { type CachePurger, createCachePurger } from './cache-purger.js';

async function scrape(purger: CachePurger): Promise<string> {
  const registry = new Registry();
  purger.registerMetrics(registry);
  return registry.metrics();
}

let cdn: PurgeServer;
beforeAll(async () => {
  cdn = await startPurgeServer();
});
afterAll(() => cdn?.close());

const config = (url: string) => ({ url, headers: {}, timeoutMs: 2_000, sharedMaxAgeSeconds: 60 });

test('a URL with {tag} is called once per distinct tag, the tag percent-encoded', async () => {
  cdn.calls.length = 0;
  const purger = createCachePurger(config(`${cdn.url}/service/s1/purge/{tag}`), console);
  purger.purge(['post:hello', 'listing:all', 'post:hello']);
  const calls = await cdn.received(2);
  expect(calls.map((call) => call.url)).toEqual([
    '/service/s1/purge/post%3Ahello',
    '/service/s1/purge/listing%3Aall',
  ]);
  expect(calls.map((call) => call.tags)).toEqual([['post:hello'], ['listing:all']]);
});

test('an unreachable or slow hook is logged and counted, and never throws', async () => {
  const warnings: string[] = [];
  const logger = { warn: (message: string) => warnings.push(message) };
  // A port nothing listens on: the call fails at once.
  const purger = createCachePurger(config('http://127.0.0.1:9/purge?token=secret'), logger);
  expect(() => purger.purge(['post:a'])).not.toThrow();
  await expect.poll(() => warnings.length).toBe(1);
  expect(warnings[0]).toMatch(/^Purging post:a at 127\.0\.0\.1:9 failed: /);
  expect(warnings[0]).not.toContain('secret');
  expect(await scrape(purger)).toContain('inkwell_cache_purge_calls_total{outcome="failed"} 1');
});

test('without a hook nothing is called', async () => {
  const purger = createCachePurger(undefined, console);
  purger.purge(['post:a']);
  expect(await scrape(purger)).toContain('inkwell_cache_purge_calls_total{outcome="sent"} 0');
});
