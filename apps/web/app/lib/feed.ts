import { escapeXml } from './xml.js';

export interface FeedItem {
  title: string;
  /** Absolute URL of the post; also its permanent guid. */
  link: string;
  summary: string;
  publishedAt: string;
  categories: readonly string[];
}

export interface Feed {
  title: string;
  description: string;
  /** Absolute URL of the HTML page the feed mirrors. */
  link: string;
  /** Absolute URL of the feed itself (atom:link rel="self", which validators ask for). */
  selfUrl: string;
  items: readonly FeedItem[];
}

/**
 * An RSS 2.0 document. Dates are RFC 822 as RSS requires; text is escaped, never trusted. An
 * item's description is HTML to feed readers, and a summary is plain text: escaped once as
 * HTML and once as XML, so `<b>` or `]]>` in a summary reads as typed.
 */
export function buildRssFeed(feed: Feed): string {
  const newest = feed.items[0]?.publishedAt;
  const items = feed.items.map(
    (item) => `    <item>
      <title>${escapeXml(item.title)}</title>
      <link>${escapeXml(item.link)}</link>
      <guid isPermaLink="true">${escapeXml(item.link)}</guid>
      <pubDate>${new Date(item.publishedAt).toUTCString()}</pubDate>
${item.categories.map((name) => `      <category>${escapeXml(name)}</category>\n`).join('')}      <description>${escapeXml(escapeXml(item.summary))}</description>
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(feed.title)}</title>
    <link>${escapeXml(feed.link)}</link>
    <description>${escapeXml(feed.description)}</description>
    <language>en</language>
    <atom:link href="${escapeXml(feed.selfUrl)}" rel="self" type="application/rss+xml"/>
${newest ? `    <lastBuildDate>${new Date(newest).toUTCString()}</lastBuildDate>\n` : ''}${items.join('\n')}
  </channel>
</rss>
`;
}
