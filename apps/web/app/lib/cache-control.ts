/**
 * Listings, posts and feeds: browsers revalidate every time (a 304 when the ETag still holds).
 * Shared caches get an `s-maxage` too when the API allows one, i.e. when it has a purge hook
 * that drops them after a write (lib/api-reads.server.ts).
 */
export const PUBLIC_PAGE_CACHE = 'public, max-age=0, must-revalidate';
/**
 * Pages that answer one visitor (form errors, the moderation notice) are never shared, and
 * Remix data requests (`*.data`) are never stored: a live-comments revalidation must get the
 * API's answer of now, not a copy of the page's data from up to a minute ago.
 */
export const PRIVATE_NO_STORE = 'private, no-store';
/** Fingerprinted build output under /assets never changes under the same name. */
export const IMMUTABLE_ASSET_CACHE = 'public, max-age=31536000, immutable';
