import { escapeXml } from './xml.js';

export interface FeedItem {
  title: string;
  /** Absolute URL of the post; also its permanent guid. */
  link: string;
  summary: string;
  publishedAt: string;
  categories: readonly string[];
  /** The post's rendered HTML, absolute URLs only (full-content feeds); else the summary alone. */
  html?: string | undefined;
  /** The post's cover, as one image at an absolute URL. */
  image?: FeedImage | undefined;
}

export interface FeedImage {
  url: string;
  /** Its media type, e.g. `image/jpeg`. */
  type: string;
}

export interface Feed {
  /** The site's title, as the feed's author. */
  author?: string;
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
${item.html === undefined ? '' : `      <content:encoded>${escapeXml(item.html)}</content:encoded>\n`}${item.image ? `      ${rssEnclosure(item.image)}\n` : ''}    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
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

/**
 * An item's cover as an RSS enclosure. Its length is 0, which the RSS Best Practices Profile
 * asks for when the size is not known: thumbnails are made on their first request, and a feed
 * must not make twenty of them to be written.
 */
function rssEnclosure(image: FeedImage): string {
  return `<enclosure url="${escapeXml(image.url)}" length="0" type="${escapeXml(image.type)}"/>`;
}

/**
 * Makes the site's own addresses in a post's HTML absolute (`href="/posts/x"`, `src="/images/…"`,
 * each candidate of a `srcset`): a feed reader shows the HTML away from the site.
 */
export function withAbsoluteUrls(html: string, siteUrl: string): string {
  const absolute = (path: string) =>
    path.startsWith('/') && !path.startsWith('//') ? `${siteUrl}${path}` : path;
  return html
    .replace(
      /\b(href|src)="([^"]*)"/g,
      (_, name: string, url: string) => `${name}="${absolute(url)}"`,
    )
    .replace(/\bsrcset="([^"]*)"/g, (_, set: string) => {
      const candidates = set.split(',').map((candidate) => {
        const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
        return [absolute(url), ...descriptor].join(' ');
      });
      return `srcset="${candidates.join(', ')}"`;
    });
}

/**
 * An Atom 1.0 document (RFC 4287). Entries are identified by their permanent URL; the summary
 * is plain text (`type="text"`), escaped once as XML.
 */
export function buildAtomFeed(feed: Feed): string {
  const updated = feed.items[0]?.publishedAt ?? new Date(0).toISOString();
  const entries = feed.items.map(
    (item) => `  <entry>
    <title>${escapeXml(item.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(item.link)}"/>
    <id>${escapeXml(item.link)}</id>
    <published>${new Date(item.publishedAt).toISOString()}</published>
    <updated>${new Date(item.publishedAt).toISOString()}</updated>
${item.categories.map((name) => `    <category term="${escapeXml(name)}"/>\n`).join('')}    <summary type="text">${escapeXml(item.summary)}</summary>
${item.html === undefined ? '' : `    <content type="html">${escapeXml(item.html)}</content>\n`}${item.image ? `    <link rel="enclosure" type="${escapeXml(item.image.type)}" href="${escapeXml(item.image.url)}"/>\n` : ''}  </entry>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>${escapeXml(feed.title)}</title>
  <subtitle>${escapeXml(feed.description)}</subtitle>
  <link rel="alternate" type="text/html" href="${escapeXml(feed.link)}"/>
  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>
  <id>${escapeXml(feed.selfUrl)}</id>
  <updated>${new Date(updated).toISOString()}</updated>
${feed.author ? `  <author><name>${escapeXml(feed.author)}</name></author>\n` : ''}${entries.join('\n')}
</feed>
`;
}

/** A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1); the summary as plain text. */
export function buildJsonFeed(feed: Feed): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    description: feed.description,
    home_page_url: feed.link,
    feed_url: feed.selfUrl,
    language: 'en',
    ...(feed.author ? { authors: [{ name: feed.author }] } : {}),
    items: feed.items.map((item) => ({
      id: item.link,
      url: item.link,
      title: item.title,
      ...(item.html === undefined ? { content_text: item.summary } : { content_html: item.html }),
      summary: item.summary,
      date_published: new Date(item.publishedAt).toISOString(),
      tags: item.categories,
      ...(item.image ? { image: item.image.url, banner_image: item.image.url } : {}),
    })),
  });
}
