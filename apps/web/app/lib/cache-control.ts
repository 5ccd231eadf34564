/** Listings, posts and feeds: fresh for a minute, then served stale while a proxy refetches. */
export const PUBLIC_PAGE_CACHE = 'public, max-age=60, stale-while-revalidate=600';
/** Pages that answer one visitor (form errors, the moderation notice) are never shared. */
export const PRIVATE_NO_STORE = 'private, no-store';
/** Fingerprinted build output under /assets never changes under the same name. */
export const IMMUTABLE_ASSET_CACHE = 'public, max-age=31536000, immutable';
