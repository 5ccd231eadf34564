/** The software's own name, on the admin panel's tabs; readers see the site's title instead. */
export const SITE_NAME = 'Inkwell';

/** Joins the configured public site URL and a path (`/posts/x`) into an absolute URL. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return `${siteUrl}${path.startsWith('/') ? path : `/${path}`}`;
}
