import { authorPath } from './author-paths.js';
import { escapeXml } from './xml.js';

export interface SitemapEntry {
  url: string;
  lastModified?: string;
}

/** A sitemaps.org urlset. */
export function buildSitemap(entries: readonly SitemapEntry[]): string {
  const urls = entries.map((entry) => {
    const lastmod = entry.lastModified
      ? `<lastmod>${new Date(entry.lastModified).toISOString()}</lastmod>`
      : '';
    return `  <url><loc>${escapeXml(entry.url)}</loc>${lastmod}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}

/**
 * The author pages of `posts` (published, newest first): one per author with a page, last
 * modified when their newest post came out. Paths, to be made absolute by the caller.
 */
export function authorPages(
  posts: ReadonlyArray<{ publishedAt: string; author: { slug: string | null } | null }>,
): SitemapEntry[] {
  const newest = new Map<string, string>();
  for (const { author, publishedAt } of posts) {
    if (author?.slug && !newest.has(author.slug)) newest.set(author.slug, publishedAt);
  }
  return [...newest].map(([slug, lastModified]) => ({ url: authorPath(slug), lastModified }));
}
