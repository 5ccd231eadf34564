import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type AdminTestApi, startAdminTestApi } from '../admin/admin-test-api.js';
import { bodyFor, pathSegment, queryFor, toJsonText } from './hostile-values.js';
import { discoverRoutes, type FuzzRoute } from './routes.js';

/*
 * Hostile requests generated from the API's own routes and input schemas: no answer may be a
 * 5xx or take longer than 2 s. A bounded run is part of the tests; `npm run fuzz` runs longer
 * (FUZZ_RUNS, FUZZ_SEED to replay a failure).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const SLOW_MS = 2_000;

let api: AdminTestApi;
beforeAll(async () => {
  api = await startAdminTestApi('pglite');
});
afterAll(async () => {
  await api?.close();
});

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'options' | 'head' | 'trace';

interface HostileRequest {
  /** `METHOD /path` of the route: printed as is when a case fails. */
  route: string;
  method: Method;
  params: string[];
  query: [string, string][];
  body: unknown;
  contentType: string | null;
  host: string | null;
  who: 'admin' | 'author' | 'nobody';
}

const routeName = (route: FuzzRoute) => `${route.method} ${route.path}`;

function requestsFor(routes: FuzzRoute[]): fc.Arbitrary<HostileRequest> {
  return fc.constantFrom(...routes).chain((route) =>
    fc.record({
      route: fc.constant(routeName(route)),
      method: fc.oneof(
        { weight: 8, arbitrary: fc.constant(route.method.toLowerCase() as Method) },
        fc.constantFrom<Method>('get', 'post', 'put', 'patch', 'delete', 'options', 'trace'),
      ),
      params: fc.array(pathSegment, {
        minLength: route.params.length,
        maxLength: route.params.length,
      }),
      query: queryFor(route.query),
      body: bodyFor(route.body),
      contentType: fc.oneof(
        { weight: 6, arbitrary: fc.constant('application/json') },
        fc.constantFrom(
          null,
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/json; charset=utf-16',
          'application/xml',
        ),
      ),
      host: fc.oneof(
        { weight: 8, arbitrary: fc.constant(null) },
        fc.constantFrom('example.org:99999', '[::1]', 'x'.repeat(300), 'a b', 'ex%00ample.org'),
      ),
      // Ending the admin's own session would leave the rest of the run unauthenticated.
      who: /\/api\/admin\/sessions?$/.test(route.path)
        ? fc.constant<'nobody'>('nobody')
        : fc.constantFrom<HostileRequest['who']>('admin', 'admin', 'author', 'nobody'),
    }),
  );
}

/** Lone surrogates cannot be percent-encoded; a client sends U+FFFD in their place. */
const wellFormed = (text: string) => text.replace(/[\ud800-\udfff]/gu, '\ufffd');

function urlOf(request: HostileRequest): string {
  let index = 0;
  const path = request.route
    .split(' ')[1]!
    .replace(/:\w+/g, () => encodeURIComponent(wellFormed(request.params[index++] ?? '')));
  const query = new URLSearchParams(request.query).toString();
  return query ? `${path}?${query}` : path;
}

function bodyText(request: HostileRequest): string {
  if (request.contentType === 'application/x-www-form-urlencoded') {
    const fields = typeof request.body === 'object' && request.body ? request.body : {};
    return new URLSearchParams(
      Object.entries(fields).map(([key, value]) => [key, toJsonText(value)]),
    ).toString();
  }
  if (request.contentType?.startsWith('multipart/'))
    return `--x\r\n\r\n${toJsonText(request.body)}`;
  return toJsonText(request.body);
}

/**
 * Streams answer for as long as their client listens, so a request never ends: they take no
 * input, and http-caching.test.ts covers how they answer and end.
 */
const STREAMS = new Set(['GET /api/dropped-tags']);

async function send(request: HostileRequest): Promise<{ status: number; ms: number }> {
  const signedIn = request.who === 'nobody' ? null : api[request.who];
  let test = api.http[request.method](urlOf(request));
  if (signedIn) {
    test = test.set('Authorization', `Bearer ${signedIn.token}`);
    test = test.set('X-CSRF-Token', signedIn.csrfToken);
  }
  if (request.host) test = test.set('Host', request.host);
  if (request.contentType) test = test.set('Content-Type', request.contentType);
  const start = performance.now();
  const withBody = !['get', 'head', 'options', 'trace'].includes(request.method);
  const response = await (withBody ? test.send(bodyText(request)) : test);
  return { status: response.status, ms: performance.now() - start };
}

test(`${RUNS} hostile requests get no 5xx and no answer slower than ${SLOW_MS} ms`, async () => {
  const routes = discoverRoutes(api.app).filter(
    (route) => !STREAMS.has(`${route.method.toUpperCase()} ${route.path}`),
  );
  expect(routes.length).toBeGreaterThan(20);
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(requestsFor(routes), async (request) => {
      const { status, ms } = await send(request);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      expect(status, `${request.method.toUpperCase()} ${urlOf(request)}`).toBeLessThan(500);
      expect(ms, `${request.method.toUpperCase()} ${urlOf(request)}`).toBeLessThan(SLOW_MS);
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  const counts = [...statuses].sort(([a], [b]) => a - b);
  console.log(
    `fuzz: ${RUNS} cases over ${routes.length} routes; statuses ${counts
      .map(([status, count]) => `${status}x${count}`)
      .join(' ')}`,
  );
}, 600_000);
