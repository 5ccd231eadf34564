export const SITE_NAME = 'Inkwell';
export const SITE_DESCRIPTION = 'Notes on software, databases and the web, from developers.';

/** Joins the configured public site URL and a path (`/posts/x`) into an absolute URL. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return `${siteUrl}${path.startsWith('/') ? path : `/${path}`}`;
}
