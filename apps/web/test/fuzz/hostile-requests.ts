import fc from 'fast-check';
import { type SiteRoute } from './site-routes.js';

/*
 * What anyone can send the site: wrong methods, bodies that are not forms, odd Host and
 * X-Forwarded-Host headers, huge, NUL, control and unicode query values, traversal paths.
 */

export interface HostileRequest {
  /** The route's id, printed when a case fails. */
  route: string;
  method: string;
  /** Path and query, already encoded as they go on the wire. */
  target: string;
  headers: Record<string, string>;
  body: string | null;
}

/** Text a reader could not type but a client can send, raw (encoded when it goes in a URL). */
const hostileText = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\u0007\u001b[2J\r\n',
    '../../../../etc/passwd',
    '..\\..\\windows\\win.ini',
    '%',
    '%00',
    '%E0%A4%A',
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '\u202e\u0645\u0631\u062d\u0628\u0627',
    '👩‍👩‍👧‍👦'.repeat(50),
    '-1',
    '0',
    '1e309',
    'NaN',
    '99999999999999999999',
    'javascript:alert(1)',
    '//evil.example/',
    'https://evil.example/admin',
  ),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ unit: 'grapheme', maxLength: 64 }),
  // Long, yet short enough that four of them fit Node's 16 KB of request head (else a 431).
  fc.integer({ min: 1, max: 3_000 }).map((length) => 'x'.repeat(length)),
);

/** Lone surrogates cannot be percent-encoded; a client sends U+FFFD in their place. */
const wellFormed = (text: string) => text.replace(/[\ud800-\udfff]/gu, '\ufffd');
const encoded = (text: string) => encodeURIComponent(wellFormed(text));

/** A path segment as it arrives: encoded text, or raw traversal and escapes. */
const segment = (realValues: string[]) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...realValues) },
    { weight: 3, arbitrary: hostileText.map(encoded) },
    fc.constantFrom('..', '.', '%2e%2e', '..%2f..%2f..%2fetc%2fpasswd', '%c0%ae%c0%ae', '%'),
  );

/** What a splat (`*`) matches: any number of segments, traversal included. */
const splat = fc
  .array(segment(['about', 'posts', 'admin']), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join('/'));

/** Query parameters the site reads, and others, with hostile values (repeated keys too). */
const query = fc
  .array(
    fc.tuple(
      fc.constantFrom('page', 'q', 'category', 'comment', 'next', 'status', 'post', 'index', 'x'),
      hostileText.map(encoded),
    ),
    { maxLength: 4 },
  )
  .map((pairs) => pairs.map(([key, value]) => `${key}=${value}`).join('&'));

const hosts = fc.oneof(
  { weight: 8, arbitrary: fc.constant(null) },
  fc.constantFrom('example.org:99999', '[::1]', 'x'.repeat(300), 'a b', 'ex%00ample.org', ':'),
);

const bodies = fc.oneof(
  fc
    .dictionary(
      fc.constantFrom('authorName', 'authorEmail', 'body', 'parentId', 'intent', 'email', 'id'),
      hostileText,
      { maxKeys: 5 },
    )
    .map((fields) => ({
      type: 'application/x-www-form-urlencoded',
      text: new URLSearchParams(
        Object.entries(fields).map(([key, value]) => [key, wellFormed(value)]),
      ).toString(),
    })),
  fc.constantFrom(
    { type: 'application/json', text: '{"authorName":"a","body":"b"}' },
    { type: 'text/plain', text: 'hello' },
    { type: 'multipart/form-data; boundary=x', text: '--x\r\n\r\nbroken' },
    { type: 'multipart/form-data', text: 'no boundary' },
    { type: 'application/x-www-form-urlencoded', text: '%%%&&==%zz' },
    { type: 'application/x-www-form-urlencoded', text: 'a='.padEnd(200_000, 'x') },
    { type: '', text: 'no type' },
  ),
);

/** Requests for `routes`, with `realValues` standing in for route parameters now and then. */
export function hostileRequests(
  routes: SiteRoute[],
  options: { siteHost: string; realValues: string[] },
): fc.Arbitrary<HostileRequest> {
  return fc.constantFrom(...routes).chain((route) =>
    fc
      .record({
        method: fc.oneof(
          { weight: 6, arbitrary: fc.constant(route.hasAction ? 'POST' : 'GET') },
          { weight: 2, arbitrary: fc.constantFrom('GET', 'POST', 'HEAD') },
          fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND'),
        ),
        params: fc.array(segment(options.realValues), { minLength: 4, maxLength: 4 }),
        splat,
        query,
        host: hosts,
        forwardedHost: hosts,
        origin: fc.constantFrom(`http://${options.siteHost}`, 'null', 'https://evil.example'),
        body: bodies,
      })
      .map(({ method, params, splat: rest, query: search, host, forwardedHost, origin, body }) => {
        let index = 0;
        const path = route.path
          .replace(/:\w+/g, () => params[index++ % params.length]!)
          .replace('*', rest);
        const headers: Record<string, string> = { host: host ?? options.siteHost };
        if (forwardedHost) headers['x-forwarded-host'] = forwardedHost;
        const withBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
        if (withBody) {
          headers.origin = origin;
          if (body.type) headers['content-type'] = body.type;
        }
        const request: HostileRequest = {
          route: route.id,
          method,
          target: search ? `${path}?${search}` : path,
          headers,
          body: withBody ? body.text : null,
        };
        // A failing case is printed by fast-check: keep huge values to a readable length.
        return Object.assign(request, { [fc.toStringMethod]: () => describe(request) });
      }),
  );
}

const clip = (text: string) =>
  text.length > 200 ? `${text.slice(0, 200)}…(${text.length})` : text;

/** One line per request, long values clipped. */
export function describe(request: HostileRequest): string {
  return JSON.stringify({
    route: request.route,
    method: request.method,
    target: clip(request.target),
    headers: Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name, clip(value)]),
    ),
    body: request.body === null ? null : clip(request.body),
  });
}
