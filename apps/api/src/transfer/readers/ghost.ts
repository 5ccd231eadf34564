import path from 'node:path';
import { slugFromText } from '../../slugs/slugs.js';
import { type BlogBundle, type BundlePost, emptyBundle } from '../blog-bundle.js';
import { htmlToMarkdown } from '../html-to-markdown.js';
import { ImportSourceError } from '../source-error.js';
import { findLocalImages } from './local-images.js';
import { dateOf, isRecord, readJsonFile, text } from './read-json.js';

type Row = Record<string, unknown>;

/** Ghost writes its own address as this placeholder in exported content. */
const GHOST_URL = '__GHOST_URL__';

/**
 * A Ghost JSON export (Settings -> Import/Export, or the Admin API's `db` endpoint): posts and
 * pages (their HTML converted to Markdown), tags as categories, the site's title, description and
 * navigation. Images under `content/images/` beside the file are uploaded; old addresses are `/<slug>/`.
 */
export async function readGhostExport(file: string): Promise<BlogBundle> {
  const data = ghostData(file, await readJsonFile(file));
  const bundle = emptyBundle('ghost');
  const rows = (table: string): Row[] => {
    const value = data[table];
    return Array.isArray(value) ? value.filter(isRecord) : [];
  };

  const tagSlugs = new Map<string, string>();
  for (const tag of rows('tags')) {
    const name = text(tag.name);
    if (!name || name.startsWith('#')) continue; // `#internal` tags are Ghost's own markers.
    const slug = slugFromText(text(tag.slug) ?? name, 'tag');
    tagSlugs.set(String(tag.id), slug);
    bundle.categories.push({ slug, name, description: text(tag.description) ?? '' });
  }
  const emails = new Map(rows('users').map((user) => [String(user.id), text(user.email)]));
  const authorOf = new Map<string, string | null>();
  for (const link of rows('posts_authors')) {
    const postId = String(link.post_id);
    if (!authorOf.has(postId)) authorOf.set(postId, emails.get(String(link.author_id)) ?? null);
  }
  const tagsOf = new Map<string, string[]>();
  for (const link of rows('posts_tags')) {
    const slug = tagSlugs.get(String(link.tag_id));
    if (!slug) continue;
    const postId = String(link.post_id);
    tagsOf.set(postId, [...(tagsOf.get(postId) ?? []), slug]);
  }

  const coverAlts = new Map(
    rows('posts_meta').map((meta) => [String(meta.post_id), text(meta.feature_image_alt) ?? '']),
  );
  for (const [index, post] of rows('posts').entries()) {
    const id = text(post.id);
    const title = text(post.title);
    if (!id || !title) {
      bundle.warnings.push(`${file}: posts[${index}] has no ${id ? 'title' : 'id'}: skipped`);
      continue;
    }
    const slug = text(post.slug) ?? slugFromText(title, 'post');
    const published = post.status === 'published' || post.status === 'scheduled';
    bundle.posts.push({
      sourceId: id,
      slug,
      title,
      summary: text(post.custom_excerpt) ?? '',
      body: htmlToMarkdown(text(post.html) ?? ''),
      externalUrl: null,
      published,
      publishedAt: published ? dateOf(post.published_at) : null,
      categories: tagsOf.get(id) ?? [],
      authorEmail: authorOf.get(id) ?? null,
      oldPaths: [`/${slug}/`],
      cover: coverOf(text(post.feature_image), coverAlts.get(id) ?? ''),
    });
  }

  const settings = new Map(rows('settings').map((row) => [String(row.key), row.value]));
  bundle.settings = {
    ...(text(settings.get('title')) ? { title: String(settings.get('title')) } : {}),
    ...(text(settings.get('description'))
      ? { description: String(settings.get('description')) }
      : {}),
    ...ghostNavigation(settings.get('navigation')),
  };
  bundle.images = await findLocalImages(path.dirname(file), 'content/images', (relative) => [
    `${GHOST_URL}/${relative}`,
    `/${relative}`,
  ]);
  return bundle;
}

/** Ghost's `feature_image` (`__GHOST_URL__/content/images/...`), matched with the images found. */
function coverOf(featureImage: string | null, alt: string): BundlePost['cover'] {
  return featureImage ? { reference: featureImage, alt } : null;
}

function ghostData(file: string, json: unknown): Row {
  const db = isRecord(json) && Array.isArray(json.db) ? json.db[0] : undefined;
  if (!isRecord(db) || !isRecord(db.data)) {
    throw new ImportSourceError(file, 'is missing (not a Ghost export)', 'db[0].data');
  }
  if (!Array.isArray(db.data.posts))
    throw new ImportSourceError(file, 'must be a list', 'db[0].data.posts');
  return db.data;
}

/** Ghost's navigation setting is a JSON string of `{ label, url }`; its own URLs become relative. */
function ghostNavigation(value: unknown): { navigation?: Array<{ label: string; url: string }> } {
  if (typeof value !== 'string') return {};
  try {
    const items: unknown = JSON.parse(value);
    if (!Array.isArray(items)) return {};
    const navigation = items.filter(isRecord).flatMap((item) => {
      const label = text(item.label);
      const url = text(item.url);
      return label && url ? [{ label, url: url.replace(GHOST_URL, '') || '/' }] : [];
    });
    return { navigation };
  } catch {
    return {};
  }
}
