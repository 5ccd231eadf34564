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

/** The RSS feed of a listing: the whole site, or `/category/a,b/feed.xml`. */
export function feedPath(slugs: readonly string[]): string {
  return slugs.length > 0 ? `/category/${slugs.join(',')}/feed.xml` : '/feed.xml';
}
