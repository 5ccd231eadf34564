import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { type z } from 'zod';
import { type BlogBundle, emptyBundle } from '../blog-bundle.js';
import {
  exportManifest,
  MANIFEST_FILE,
  postFrontMatter,
  POSTS_FOLDER,
} from '../inkwell-export-format.js';
import { ImportSourceError } from '../source-error.js';
import { dateOf, readJsonFile, readMarkdownFile } from './read-json.js';

/** An Inkwell export (`npm run export`): the same blog again, with its comments, settings and redirects. */
export async function readInkwellExport(folder: string): Promise<BlogBundle> {
  const manifestFile = path.join(folder, MANIFEST_FILE);
  const manifest = parseWith(exportManifest, await readJsonFile(manifestFile), manifestFile);
  const bundle = emptyBundle('inkwell');
  bundle.categories = manifest.categories;
  const postsFolder = path.join(folder, POSTS_FOLDER);
  const files = (await readdir(postsFolder)).filter((name) => name.endsWith('.md')).sort();
  const redirectsOf = new Map<string, string[]>();
  for (const redirect of manifest.redirects) {
    redirectsOf.set(redirect.post, [...(redirectsOf.get(redirect.post) ?? []), redirect.path]);
  }
  for (const name of files) {
    const file = path.join(postsFolder, name);
    const document = await readMarkdownFile(file);
    const front = parseWith(postFrontMatter, document.data, file);
    const published = front.status === 'published';
    bundle.posts.push({
      sourceId: front.slug,
      slug: front.slug,
      title: front.title,
      summary: front.summary,
      body: document.body.replace(/^\n/, '').replace(/\n$/, ''),
      externalUrl: front.externalUrl ?? null,
      published,
      publishedAt: published ? dateOf(front.date) : null,
      categories: front.categories,
      authorEmail: front.author ?? null,
      oldPaths: redirectsOf.get(front.slug) ?? [],
      cover: front.cover ? { reference: front.cover, alt: front.coverAlt } : null,
    });
  }
  bundle.comments = manifest.comments.map((comment) => ({
    sourceId: String(comment.id),
    postSourceId: comment.post,
    parentSourceId: comment.parentId === null ? null : String(comment.parentId),
    authorName: comment.authorName,
    authorEmail: comment.authorEmail,
    body: comment.body,
    approved: comment.approved,
    createdAt: new Date(comment.createdAt),
  }));
  bundle.images = manifest.images.map((image) => ({
    file: path.join(folder, image.file),
    references: [`/images/${image.hash}`],
  }));
  const { logo, favicon, ...settings } = manifest.settings;
  bundle.settings = settings;
  bundle.settingsImages = {
    logo: logo ? path.join(folder, logo) : null,
    favicon: favicon ? path.join(folder, favicon) : null,
  };
  return bundle;
}

/** The parsed value, or an ImportSourceError naming the file and the first bad field. */
function parseWith<T extends z.ZodType>(schema: T, value: unknown, file: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new ImportSourceError(file, issue.message, issue.path.join('.') || undefined);
}
