import { describe, expect, it } from 'vitest';
import { buildAtomFeed, buildJsonFeed, buildRssFeed, withAbsoluteUrls } from './feed.js';
import { escapeXml } from './xml.js';
import { authorPages, buildSitemap } from './sitemap.js';

const feed = {
  title: 'Inkwell — Rust & Python',
  description: 'Posts <filtered>',
  link: 'https://blog.example.org/?category=rust,python',
  selfUrl: 'https://blog.example.org/feed.xml?category=rust,python&x=1',
  items: [
    {
      title: 'Ownership <explained> & "borrowing"',
      link: 'https://blog.example.org/posts/ownership',
      summary: 'A summary with ]]> inside and <b>markup</b>',
      publishedAt: '2026-03-01T09:00:00.000Z',
      categories: ['Rust', 'C & C++'],
    },
  ],
};

describe('buildRssFeed', () => {
  const xml = buildRssFeed(feed);

  it('is an RSS 2.0 channel with a self link', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"')).toBe(true);
    expect(xml).toContain(
      '<atom:link href="https://blog.example.org/feed.xml?category=rust,python&amp;x=1" rel="self" type="application/rss+xml"/>',
    );
  });

  it('escapes titles and categories', () => {
    expect(xml).toContain('<title>Inkwell — Rust &amp; Python</title>');
    expect(xml).toContain('<title>Ownership &lt;explained&gt; &amp; &quot;borrowing&quot;</title>');
    expect(xml).toContain('<category>C &amp; C++</category>');
    expect(xml).not.toContain('<explained>');
  });

  it('gives feed readers the summary as text, never as markup', () => {
    // XML-decoded, the description is HTML; HTML-decoded, it is the summary as typed.
    expect(xml).toContain(
      '<description>A summary with ]]&amp;gt; inside and &amp;lt;b&amp;gt;markup&amp;lt;/b&amp;gt;</description>',
    );
    expect(xml).not.toContain('<b>');
  });

  it('dates items in RFC 822 and uses the newest for lastBuildDate', () => {
    expect(xml).toContain('<pubDate>Sun, 01 Mar 2026 09:00:00 GMT</pubDate>');
    expect(xml).toContain('<lastBuildDate>Sun, 01 Mar 2026 09:00:00 GMT</lastBuildDate>');
    expect(xml).toContain(
      '<guid isPermaLink="true">https://blog.example.org/posts/ownership</guid>',
    );
  });

  it('is still a valid channel without items', () => {
    const empty = buildRssFeed({ ...feed, items: [] });
    expect(empty).not.toContain('<item>');
    expect(empty).not.toContain('lastBuildDate');
    expect(empty).toContain('</channel>\n</rss>');
  });
});

describe('buildAtomFeed', () => {
  const xml = buildAtomFeed({ ...feed, author: 'Ada & co', selfUrl: 'https://b.org/feed.atom' });

  it('is an Atom feed with its self link, id and the newest entry as its update time', () => {
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
    expect(xml).toContain(
      '<link rel="self" type="application/atom+xml" href="https://b.org/feed.atom"/>',
    );
    expect(xml).toContain('<id>https://b.org/feed.atom</id>');
    expect(xml).toContain('<updated>2026-03-01T09:00:00.000Z</updated>');
    expect(xml).toContain('<author><name>Ada &amp; co</name></author>');
  });

  it('identifies entries by their permanent link and escapes what they say', () => {
    expect(xml).toContain('<id>https://blog.example.org/posts/ownership</id>');
    expect(xml).toContain('<category term="C &amp; C++"/>');
    expect(xml).toContain(
      '<summary type="text">A summary with ]]&gt; inside and &lt;b&gt;markup&lt;/b&gt;</summary>',
    );
    expect(xml).not.toContain('<b>');
  });

  it('is still a valid feed without entries', () => {
    const empty = buildAtomFeed({ ...feed, items: [] });
    expect(empty).toContain('<updated>1970-01-01T00:00:00.000Z</updated>');
    expect(empty).not.toContain('<entry>');
  });
});

describe('buildJsonFeed', () => {
  it('is a JSON Feed 1.1 with its items as plain text', () => {
    const json = JSON.parse(buildJsonFeed(feed)) as Record<string, unknown>;
    expect(json).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Inkwell — Rust & Python',
      home_page_url: 'https://blog.example.org/?category=rust,python',
      feed_url: 'https://blog.example.org/feed.xml?category=rust,python&x=1',
      items: [
        {
          id: 'https://blog.example.org/posts/ownership',
          url: 'https://blog.example.org/posts/ownership',
          title: 'Ownership <explained> & "borrowing"',
          content_text: 'A summary with ]]> inside and <b>markup</b>',
          date_published: '2026-03-01T09:00:00.000Z',
          tags: ['Rust', 'C & C++'],
        },
      ],
    });
    expect(json).not.toHaveProperty('authors');
  });
});

describe('buildSitemap', () => {
  it('lists escaped URLs with optional lastmod', () => {
    const xml = buildSitemap([
      { url: 'https://blog.example.org/' },
      { url: 'https://blog.example.org/?category=a&b', lastModified: '2026-03-01T09:00:00Z' },
    ]);
    expect(xml).toContain('<url><loc>https://blog.example.org/</loc></url>');
    expect(xml).toContain(
      '<url><loc>https://blog.example.org/?category=a&amp;b</loc><lastmod>2026-03-01T09:00:00.000Z</lastmod></url>',
    );
  });
});

describe("an author's page in the sitemap", () => {
  it('is listed once per author, last modified by their newest post', () => {
    const posts = [
      { publishedAt: '2026-03-03T09:00:00.000Z', author: { slug: 'ada' } },
      { publishedAt: '2026-03-02T09:00:00.000Z', author: { slug: 'grace hopper' } },
      { publishedAt: '2026-03-01T09:00:00.000Z', author: { slug: 'ada' } },
      // A removed author's posts have no byline page to list.
      { publishedAt: '2026-02-01T09:00:00.000Z', author: { slug: null } },
      { publishedAt: '2026-01-01T09:00:00.000Z', author: null },
    ];
    expect(authorPages(posts)).toEqual([
      { url: '/authors/ada', lastModified: '2026-03-03T09:00:00.000Z' },
      { url: '/authors/grace%20hopper', lastModified: '2026-03-02T09:00:00.000Z' },
    ]);
  });
});

describe("a post's cover in feeds", () => {
  const image = { url: 'https://blog.example.org/images/ab&c/1280.jpg', type: 'image/jpeg' };
  const covered = { ...feed, items: [{ ...feed.items[0]!, image }] };

  it('is an RSS enclosure with its URL, length and type', () => {
    expect(buildRssFeed(covered)).toContain(
      '<enclosure url="https://blog.example.org/images/ab&amp;c/1280.jpg" length="0" type="image/jpeg"/>',
    );
    expect(buildRssFeed(feed)).not.toContain('<enclosure');
  });

  it('is an Atom enclosure link', () => {
    expect(buildAtomFeed(covered)).toContain(
      '<link rel="enclosure" type="image/jpeg" href="https://blog.example.org/images/ab&amp;c/1280.jpg"/>',
    );
    expect(buildAtomFeed(feed)).not.toContain('rel="enclosure"');
  });

  it("is a JSON Feed item's image and banner image", () => {
    const json = JSON.parse(buildJsonFeed(covered)) as { items: Array<Record<string, unknown>> };
    expect(json.items[0]).toMatchObject({ image: image.url, banner_image: image.url });
    const plain = JSON.parse(buildJsonFeed(feed)) as { items: Array<Record<string, unknown>> };
    expect(plain.items[0]).not.toHaveProperty('image');
  });
});

describe('full-content feeds', () => {
  const html = '<p>Ownership &amp; <a href="/posts/borrowing">borrowing</a></p>';
  const full = { ...feed, items: [{ ...feed.items[0]!, html }] };

  it('carry the HTML in every format, the summary still beside it in RSS and Atom', () => {
    const rss = buildRssFeed(full);
    expect(rss).toContain(`<content:encoded>${escapeXml(html)}</content:encoded>`);
    expect(rss).toContain('<description>A summary');
    const atom = buildAtomFeed(full);
    expect(atom).toContain(`<content type="html">${escapeXml(html)}</content>`);
    const json = JSON.parse(buildJsonFeed(full));
    expect(json.items[0].content_html).toBe(html);
    expect(json.items[0].content_text).toBeUndefined();
  });

  it('leave the content out when a post has none (summaries)', () => {
    expect(buildRssFeed(feed)).not.toContain('content:encoded>');
    expect(buildAtomFeed(feed)).not.toContain('<content');
    expect(JSON.parse(buildJsonFeed(feed)).items[0].content_html).toBeUndefined();
  });

  it("make the site's own addresses absolute, srcset candidates included", () => {
    const site = 'https://blog.example.org';
    expect(
      withAbsoluteUrls(
        '<a href="/posts/a">a</a><a href="https://x.org/">x</a><a href="#n">n</a>' +
          '<img src="/images/h/640.webp" srcset="/images/h/320.webp 320w, /images/h/640.webp 640w">',
        site,
      ),
    ).toBe(
      `<a href="${site}/posts/a">a</a><a href="https://x.org/">x</a><a href="#n">n</a>` +
        `<img src="${site}/images/h/640.webp" srcset="${site}/images/h/320.webp 320w, ${site}/images/h/640.webp 640w">`,
    );
  });
});
