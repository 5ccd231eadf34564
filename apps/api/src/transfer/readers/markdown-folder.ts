import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import { slugFromText } from '../../slugs/slugs.js';
import { type BlogBundle, type BundleImage, type BundlePost, emptyBundle } from '../blog-bundle.js';
import { imageReferencesIn, isRemoteReference, replaceReferences } from '../image-references.js';
import { ImportSourceError } from '../source-error.js';
import { dateOf, readMarkdownFile, text } from './read-json.js';

const MARKDOWN_FILE = /\.(?:md|markdown)$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '_site', 'public', 'dist', '_drafts_output']);
/** Where site-absolute image paths (`/images/a.png`) live in Hugo, Astro, Eleventy and Jekyll sites. */
const STATIC_ROOTS = ['static', 'public', 'src/assets', ''];
const JEKYLL_NAME = /^(\d{4})-(\d\d)-(\d\d)-(.+)$/;

/**
 * A folder of Markdown files with YAML front matter as Hugo, Jekyll (`_posts/YYYY-MM-DD-slug.md`),
 * Astro (`src/content/blog/`) and Eleventy write them. Hugo's TOML front matter (`+++`) is not
 * read: such files are skipped with a warning. Images the files refer to by a path inside the
 * folder are uploaded; each file's old address follows its generator's default permalinks.
 */
export async function readMarkdownFolder(root: string): Promise<BlogBundle> {
  const bundle = emptyBundle('markdown');
  const images = new Map<string, BundleImage>();
  const categories = new Map<string, string>();
  for (const relative of await markdownFiles(root)) {
    const post = await readPostFile(root, relative, bundle.warnings);
    if (!post) continue;
    const replacements = new Map<string, string>();
    for (const reference of imageReferencesIn(post.body)) {
      const file = await localImage(root, relative, reference);
      if (!file) continue;
      const key = `/${path.relative(root, file).split(path.sep).join('/')}`;
      replacements.set(reference, key);
      if (!images.has(key)) images.set(key, { file, references: [key] });
    }
    post.body = replaceReferences(post.body, replacements);
    for (const [slug, name] of post.categoryNames) categories.set(slug, name);
    bundle.posts.push(post);
  }
  bundle.categories = [...categories].map(([slug, name]) => ({ slug, name, description: '' }));
  bundle.images = [...images.values()];
  return bundle;
}

async function markdownFiles(root: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(root, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ImportSourceError(root, 'does not exist');
    }
    throw error;
  }
  return entries
    .map((entry) => entry.split(path.sep).join('/'))
    .filter(
      (entry) =>
        MARKDOWN_FILE.test(entry) &&
        !entry.split('/').some((part) => part.startsWith('.') || SKIPPED_DIRECTORIES.has(part)) &&
        !/(?:^|\/)(?:README|_index|CHANGELOG|LICENSE)\.[a-z]+$/i.test(entry),
    )
    .sort();
}

type ReadPost = BundlePost & { categoryNames: Map<string, string> };

async function readPostFile(
  root: string,
  relative: string,
  warnings: string[],
): Promise<ReadPost | null> {
  const file = path.join(root, relative);
  const document = await readMarkdownFile(file);
  if (document.kind === 'toml') {
    warnings.push(`${file}: TOML front matter (+++) is not read: skipped`);
    return null;
  }
  const data = document.data;
  const base = path.posix.basename(relative).replace(MARKDOWN_FILE, '');
  const jekyll = JEKYLL_NAME.exec(base);
  // A Hugo page bundle (`posts/hello/index.md`) is named by its folder.
  const name =
    jekyll?.[4] ?? (base === 'index' ? path.posix.basename(path.posix.dirname(relative)) : base);
  const title = text(data.title);
  if (!title) {
    warnings.push(`${file}: title is missing from the front matter: skipped`);
    return null;
  }
  const slug = slugFromText(text(data.slug) ?? name, 'post');
  const date =
    dateOf(data.date) ??
    dateOf(data.pubDate) ??
    dateOf(data.publishDate) ??
    (jekyll ? dateOf(`${jekyll[1]}-${jekyll[2]}-${jekyll[3]}T00:00:00Z`) : null);
  const draft = data.draft === true || data.published === false || relative.includes('_drafts/');
  const categoryNames = new Map<string, string>();
  for (const value of [
    ...listOf(data.categories),
    ...listOf(data.category),
    ...listOf(data.tags),
  ]) {
    categoryNames.set(slugFromText(value, 'category'), value);
  }
  const categorySlugs = [...categoryNames.keys()];
  const summary = text(data.summary) ?? text(data.description) ?? text(data.excerpt) ?? '';
  const author = text(data.author);
  return {
    sourceId: relative,
    slug,
    title,
    summary: summary.trim().slice(0, 500),
    body: document.body.trim(),
    externalUrl: null,
    published: !draft,
    publishedAt: draft ? null : (date ?? new Date(0)),
    categories: categorySlugs,
    authorEmail: author?.includes('@') ? author : null,
    oldPaths: [
      ...defaultPermalinks(relative, slug, date, categorySlugs),
      ...listOf(data.permalink),
      ...listOf(data.url),
      ...listOf(data.aliases),
    ],
    categoryNames,
  };
}

/** The address each generator gives a file by default. */
function defaultPermalinks(
  relative: string,
  slug: string,
  date: Date | null,
  categories: string[],
): string[] {
  const parts = relative.split('/');
  const jekyllPosts = parts.indexOf('_posts');
  if (jekyllPosts >= 0 && date) {
    const day = date.toISOString().slice(0, 10).replace(/-/g, '/');
    const plain = `/${day}/${slug}.html`;
    return categories.length > 0 ? [plain, `/${categories.join('/')}${plain}`] : [plain];
  }
  const astro = relative.match(/(?:^|\/)src\/content\/([^/]+)\//);
  if (astro) return [`/${astro[1]}/${slug}/`];
  const hugo = relative.match(/(?:^|\/)content\/([^/]+)\//);
  if (hugo) return [`/${hugo[1]}/${slug}/`];
  // Eleventy: the file's path without its extension, from the input folder.
  const withoutExtension = relative.replace(MARKDOWN_FILE, '').replace(/\/index$/, '');
  return [`/${withoutExtension}/`];
}

/** A reference to an image file inside the folder: relative to the post, or site-absolute. */
async function localImage(
  root: string,
  relative: string,
  reference: string,
): Promise<string | null> {
  if (isRemoteReference(reference) || reference.startsWith('data:')) return null;
  const clean = decodeURIComponent(reference.split(/[?#]/)[0]!);
  const candidates = clean.startsWith('/')
    ? STATIC_ROOTS.map((folder) => path.join(root, folder, clean))
    : [path.join(root, path.dirname(relative), clean)];
  for (const candidate of candidates) {
    if (!candidate.startsWith(path.resolve(root))) continue;
    try {
      await access(candidate);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

function listOf(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s*,\s*/).filter(Boolean);
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}
