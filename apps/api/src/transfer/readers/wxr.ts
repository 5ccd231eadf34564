import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { slugFromText } from '../../slugs/slugs.js';
import {
  type BlogBundle,
  type BundleComment,
  type BundleCover,
  emptyBundle,
} from '../blog-bundle.js';
import { htmlToMarkdown } from '../html-to-markdown.js';
import { ImportSourceError } from '../source-error.js';
import { findLocalImages } from './local-images.js';
import { dateOf, isRecord, text } from './read-json.js';

type Node = Record<string, unknown>;

const LISTS = new Set([
  'item',
  'category',
  'wp:comment',
  'wp:author',
  'wp:category',
  'wp:tag',
  'wp:postmeta',
]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => LISTS.has(name),
});

const IMPORTED_TYPES = new Set(['post', 'page']);
const STATUSES: Record<string, 'published' | 'draft'> = {
  publish: 'published',
  future: 'published',
  draft: 'draft',
  pending: 'draft',
  private: 'draft',
};

/**
 * A WordPress export (WXR 1.2, Tools -> Export): posts and pages (HTML to Markdown), categories
 * and tags as categories, threaded comments (approved or held; spam left out), the site's title
 * and description. Files under `wp-content/uploads/` beside the file are uploaded; old addresses
 * are `/?p=<id>`, the item's permalink and `/YYYY/MM/DD/<slug>/`.
 */
export async function readWordPressExport(file: string): Promise<BlogBundle> {
  const xml = await readFile(file, 'utf8');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ImportSourceError(
      file,
      `is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`,
    );
  }
  const document = parser.parse(xml) as Node;
  const channel = isRecord(document.rss) ? document.rss.channel : undefined;
  if (!isRecord(channel))
    throw new ImportSourceError(file, 'is missing (not a WXR export)', 'rss.channel');
  const site = (textOf(channel['wp:base_blog_url']) ?? textOf(channel.link) ?? '').replace(
    /\/+$/,
    '',
  );
  const bundle = emptyBundle(`wxr:${site}`);

  const emails = new Map(
    nodes(channel['wp:author']).map((author) => [
      textOf(author['wp:author_login']) ?? '',
      textOf(author['wp:author_email']),
    ]),
  );
  const categories = new Map<string, { slug: string; name: string; description: string }>();
  const addCategory = (nicename: string | null, name: string | null, description = '') => {
    if (!name) return null;
    const slug = slugFromText(nicename ?? name, 'category');
    if (!categories.has(slug)) categories.set(slug, { slug, name, description });
    return slug;
  };
  for (const category of nodes(channel['wp:category'])) {
    addCategory(
      textOf(category['wp:category_nicename']),
      textOf(category['wp:cat_name']),
      textOf(category['wp:category_description']) ?? '',
    );
  }
  for (const tag of nodes(channel['wp:tag'])) {
    addCategory(textOf(tag['wp:tag_slug']), textOf(tag['wp:tag_name']));
  }

  const attachments = attachmentsOf(nodes(channel.item));
  for (const [index, item] of nodes(channel.item).entries()) {
    const where = `${file}: item ${index + 1}`;
    const type = textOf(item['wp:post_type']) ?? 'post';
    if (!IMPORTED_TYPES.has(type)) continue;
    const id = textOf(item['wp:post_id']);
    const title = textOf(item.title);
    const status = STATUSES[textOf(item['wp:status']) ?? ''];
    if (!id) {
      bundle.warnings.push(`${where}: wp:post_id is missing: skipped`);
      continue;
    }
    if (!status) continue; // trash, auto-draft, inherit: nothing a reader ever saw
    if (!title) {
      bundle.warnings.push(`${where}: title is missing: skipped`);
      continue;
    }
    const slug = slugFromText(textOf(item['wp:post_name']) ?? title, 'post');
    const date =
      dateOf(textOf(item['wp:post_date_gmt'])) ??
      dateOf(textOf(item['wp:post_date'])) ??
      dateOf(textOf(item.pubDate));
    const sourceId = `${site}#${id}`;
    bundle.posts.push({
      sourceId,
      slug,
      title,
      summary: htmlToMarkdown(textOf(item['excerpt:encoded']) ?? '').slice(0, 500),
      body: htmlToMarkdown(wordPressParagraphs(textOf(item['content:encoded']) ?? '')),
      externalUrl: null,
      published: status === 'published',
      publishedAt: status === 'published' ? date : null,
      categories: nodes(item.category).flatMap((category) => {
        const slug = addCategory(textOf(category['@nicename']), textOf(category));
        return slug ? [slug] : [];
      }),
      authorEmail: emails.get(textOf(item['dc:creator']) ?? '') ?? null,
      oldPaths: oldAddresses(id, textOf(item.link), date, slug),
      cover: attachments.get(postMeta(item, '_thumbnail_id') ?? '') ?? null,
    });
    bundle.comments.push(...comments(item, sourceId));
  }
  bundle.categories = [...categories.values()];
  bundle.settings = {
    ...(textOf(channel.title) ? { title: textOf(channel.title)! } : {}),
    ...(textOf(channel.description) ? { description: textOf(channel.description)! } : {}),
  };
  bundle.images = await findLocalImages(path.dirname(file), 'wp-content/uploads', (relative) => [
    `${site}/${relative}`,
    `/${relative}`,
  ]);
  return bundle;
}

/**
 * Media items (`wp:post_type` attachment) by id: a post's featured image is the attachment its
 * `_thumbnail_id` names, at `wp:attachment_url` (a file under wp-content/uploads).
 */
function attachmentsOf(items: Node[]): Map<string, BundleCover> {
  const attachments = new Map<string, BundleCover>();
  for (const item of items) {
    if (textOf(item['wp:post_type']) !== 'attachment') continue;
    const id = textOf(item['wp:post_id']);
    const url = textOf(item['wp:attachment_url']);
    if (!id || !url) continue;
    attachments.set(id, { reference: url, alt: postMeta(item, '_wp_attachment_image_alt') ?? '' });
  }
  return attachments;
}

/** The value of one of an item's `wp:postmeta` entries. */
function postMeta(item: Node, key: string): string | null {
  const entry = nodes(item['wp:postmeta']).find((meta) => textOf(meta['wp:meta_key']) === key);
  return entry ? textOf(entry['wp:meta_value']) : null;
}

function comments(item: Node, postSourceId: string): BundleComment[] {
  return nodes(item['wp:comment']).flatMap((comment) => {
    const approved = textOf(comment['wp:comment_approved']);
    const type = textOf(comment['wp:comment_type']) ?? 'comment';
    if ((approved !== '1' && approved !== '0') || type !== 'comment') return [];
    const id = textOf(comment['wp:comment_id']);
    const body = textOf(comment['wp:comment_content']);
    if (!id || !body) return [];
    const parent = textOf(comment['wp:comment_parent']);
    return [
      {
        sourceId: `${postSourceId}/${id}`,
        postSourceId,
        parentSourceId: parent && parent !== '0' ? `${postSourceId}/${parent}` : null,
        authorName: textOf(comment['wp:comment_author']) ?? 'Anonymous',
        authorEmail: textOf(comment['wp:comment_author_email']) ?? '',
        body: htmlToMarkdown(wordPressParagraphs(body)),
        approved: approved === '1',
        createdAt:
          dateOf(textOf(comment['wp:comment_date_gmt'])) ??
          dateOf(textOf(comment['wp:comment_date'])) ??
          new Date(0),
      },
    ];
  });
}

/** `/?p=12`, the permalink the export names, and the date-based permalink WordPress defaults to. */
function oldAddresses(id: string, link: string | null, date: Date | null, slug: string): string[] {
  const paths = [`/?p=${id}`];
  if (link) paths.push(link);
  if (date) {
    const [year, month, day] = date.toISOString().slice(0, 10).split('-');
    paths.push(`/${year}/${month}/${day}/${slug}/`);
  }
  return paths;
}

/** WordPress stores paragraphs as blank lines (its `wpautop` adds the `<p>` when it renders). */
function wordPressParagraphs(html: string): string {
  if (/<p[\s>]/i.test(html)) return html;
  return html
    .split(/\n\s*\n/)
    .map((paragraph) => (paragraph.trim() ? `<p>${paragraph.trim()}</p>` : ''))
    .join('\n');
}

function nodes(value: unknown): Node[] {
  return Array.isArray(value) ? value.filter(isRecord) : isRecord(value) ? [value] : [];
}

/** The text of an element (a string, or `#text` beside its attributes). */
function textOf(value: unknown): string | null {
  if (isRecord(value)) return text(value['#text']);
  return typeof value === 'number' ? String(value) : text(value);
}
