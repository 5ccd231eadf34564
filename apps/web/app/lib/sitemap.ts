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
