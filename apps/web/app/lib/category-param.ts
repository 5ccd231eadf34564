/** Category slugs as the API makes them: lowercase letters, digits and single hyphens. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads `?category=rust,python` into a list of slugs: trimmed, lowercased, de-duplicated, in
 * the order given. Anything that cannot be a slug is dropped rather than sent to the API.
 */
export function parseCategoryParam(value: string | null | undefined): string[] {
  if (!value) return [];
  const slugs = value
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => SLUG.test(part));
  return [...new Set(slugs)];
}

/** The canonical listing URL for a set of categories: `/`, or `/?category=a,b`. */
export function categoryListingPath(slugs: readonly string[], page = 1): string {
  const params = new URLSearchParams();
  if (slugs.length > 0) params.set('category', slugs.join(','));
  if (page > 1) params.set('page', String(page));
  // Commas are safe in a query string; keeping them readable makes shared links nicer.
  const query = params.toString().replaceAll('%2C', ',');
  return query ? `/?${query}` : '/';
}

/** The formats every feed is offered in, by file extension. */
export const FEED_FORMATS = {
  xml: { name: 'RSS', contentType: 'application/rss+xml' },
  atom: { name: 'Atom', contentType: 'application/atom+xml' },
  json: { name: 'JSON Feed', contentType: 'application/feed+json' },
} as const;
export type FeedFormat = keyof typeof FEED_FORMATS;
/** The formats in the order pages offer them: RSS first. */
export const FEED_FORMAT_LIST = Object.entries(FEED_FORMATS) as [
  FeedFormat,
  (typeof FEED_FORMATS)[FeedFormat],
][];

/** A listing's feed: the whole site's `/feed.xml`, or `/category/a,b/feed.xml` (RSS by default). */
export function feedPath(slugs: readonly string[], format: FeedFormat = 'xml'): string {
  const file = `feed.${format}`;
  return slugs.length > 0 ? `/category/${slugs.join(',')}/${file}` : `/${file}`;
}
