import { type PublicJson } from './public-json.js';

/** Every API answer is private unless its route says otherwise (see `PublicRead`). */
export const PRIVATE_NO_STORE = 'private, no-store';

/**
 * Browsers revalidate a public read every time (a 304 costs little); shared caches keep it for
 * `sharedMaxAgeSeconds` only when a purge hook can drop it after a write.
 */
export function publicCacheControl(sharedMaxAgeSeconds: number | undefined): string {
  const browsers = 'public, max-age=0, must-revalidate';
  return sharedMaxAgeSeconds === undefined
    ? browsers
    : `${browsers}, s-maxage=${sharedMaxAgeSeconds}`;
}

/** The tags in the two headers CDNs read: Fastly and Varnish xkey split on spaces, Cloudflare on commas. */
export function cacheTagHeaders(tags: readonly string[]): Record<string, string> {
  const unique = [...new Set(tags)];
  return { 'Surrogate-Key': unique.join(' '), 'Cache-Tag': unique.join(',') };
}

type PublicReadHandler = (...args: never[]) => Promise<PublicJson>;

/**
 * Marks a route as a public read, and holds it to answering a `PublicJson` (usually from
 * `cachePublicRead`): the type is the check, nothing runs per request. Such an answer may be
 * shared, names the cache tags of what it shows (the tags its cached entry is stored under, so
 * a write that drops them also purges the CDN), and is revalidated by its stored ETag (304 on
 * `If-None-Match`); `PublicJsonExpressAdapter` writes those headers. Errors stay
 * `private, no-store`.
 */
export function PublicRead(): (
  target: object,
  propertyKey: string | symbol,
  descriptor: TypedPropertyDescriptor<PublicReadHandler>,
) => void {
  return () => undefined;
}
