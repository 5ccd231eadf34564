import http from 'node:http';
import fc from 'fast-check';
import { beforeAll, expect, test } from 'vitest';
import { describe, type HostileRequest, hostileRequests } from '../fuzz/hostile-requests.js';
import { type SiteRoute, siteRoutes } from '../fuzz/site-routes.js';
import { testBuildPath } from '../stack.js';
import { apiGet, type PostListing, webUrl } from './support.js';

/*
 * Hostile requests over every route of the built site (read from its Remix route manifest):
 * no answer may be a 5xx or take longer than 2 s. A bounded run is part of the tests;
 * `npm run fuzz:web` runs longer (FUZZ_RUNS, FUZZ_SEED to replay a failure).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const SLOW_MS = 2_000;

let routes: SiteRoute[];
let realValues: string[];

beforeAll(async () => {
  routes = await siteRoutes(testBuildPath());
  const { items } = await apiGet<PostListing>('/api/posts?pageSize=10');
  // Real slugs, a category and an id now and then, so the requests reach past a 404 (other
  // files publish posts of their own, some without a category).
  const category = items.flatMap((item) => item.categories)[0]!.slug;
  realValues = [...items.slice(0, 2).map((item) => item.slug), category, '1'];
  // The first render of each kind of page loads code and warms caches: not what is measured.
  for (const page of ['/', `/posts/${items[0]!.slug}`, '/search?q=x', '/admin/login', '/x']) {
    await (await fetch(`${webUrl}${page}`)).text();
  }
});

function send(request: HostileRequest): Promise<{ status: number; ms: number }> {
  const url = new URL(webUrl);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.target,
        headers: request.headers,
        setHost: false,
        // A connection of its own: a case is judged by its own answer, not by a reused socket a
        // hostile body before it left for the server to close.
        agent: false,
      },
      (response) => {
        response.resume();
        response.once('end', () =>
          resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }),
        );
      },
    );
    outgoing.setTimeout(SLOW_MS * 5, () => outgoing.destroy(new Error('no answer')));
    outgoing.once('error', reject);
    outgoing.end(request.body ?? undefined);
  });
}

test(`${RUNS} hostile requests to the site get no 5xx and no answer slower than ${SLOW_MS} ms`, async () => {
  expect(routes.map((route) => route.path)).toEqual(
    expect.arrayContaining(['/', '/posts/:slug', '/admin/posts/:id', '/*']),
  );
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(
      hostileRequests(routes, { siteHost: new URL(webUrl).host, realValues }),
      async (request) => {
        const { status, ms } = await send(request);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        const name = describe(request);
        expect(status, name).toBeLessThan(500);
        expect(ms, name).toBeLessThan(SLOW_MS);
      },
    ),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  const counts = [...statuses].sort(([a], [b]) => a - b);
  console.log(
    `fuzz:web: ${RUNS} cases over ${routes.length} routes; statuses ${counts
      .map(([status, count]) => `${status}x${count}`)
      .join(' ')}`,
  );
}, 600_000);
