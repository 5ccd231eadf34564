/**
 * The cache tags of what readers see, shared by the memoized reads and the invalidation
 * subscriber so both always agree on names.
 */

/** Memoized reads live this long at most; writes drop the affected entries at once. */
export const LISTING_TTL_SECONDS = 300;
export const POST_TTL_SECONDS = 300;
export const CATEGORIES_TTL_SECONDS = 300;
export const SEARCH_TTL_SECONDS = 300;

/**
 * Part of the memoized post reads' keys: raised when the rendered HTML or the shape of a post
 * view changes, so a new release never serves entries an older one stored (in Redis, shared).
 */
export const POST_VIEWS_VERSION = 2;

/** Every page of the unfiltered listing. */
export const ALL_POSTS_LISTING_TAG = 'listing:all';
/** Previous/next/related links of every post page. */
export const POST_LINKS_TAG = 'post-links';
export const CATEGORIES_TAG = 'categories';
export const SEARCH_TAG = 'search';
/** The navigation's list of published pages. */
export const PAGES_TAG = 'pages';
/** Every author page (an image deletion may clear any avatar). */
export const AUTHORS_TAG = 'authors';

export function pageTag(slug: string): string {
  return `page:${slug}`;
}

/** An author's page and whatever shows their byline is dropped by the author's own write. */
export function authorTag(slug: string): string {
  return `author:${slug}`;
}

export function categoryListingTag(categorySlug: string): string {
  return `listing:category:${categorySlug}`;
}

export function postTag(slug: string): string {
  return `post:${slug}`;
}

/** A listing filtered by categories changes when a post of any of them does. */
export function listingTags(categorySlugs: readonly string[]): string[] {
  return categorySlugs.length === 0
    ? [ALL_POSTS_LISTING_TAG]
    : categorySlugs.map(categoryListingTag);
}
