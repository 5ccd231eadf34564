/** Listings, posts and feeds: fresh for a minute, then served stale while a proxy refetches. */
export const PUBLIC_PAGE_CACHE = 'public, max-age=60, stale-while-revalidate=600';
/**
 * Pages that answer one visitor (form errors, the moderation notice) are never shared, and
 * Remix data requests (`*.data`) are never stored: a live-comments revalidation must get the
 * API's answer of now, not a copy of the page's data from up to a minute ago.
 */
export const PRIVATE_NO_STORE = 'private, no-store';
/** Fingerprinted build output under /assets never changes under the same name. */
export const IMMUTABLE_ASSET_CACHE = 'public, max-age=31536000, immutable';
