import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { type z } from 'zod';
import { type BlogBundle, type BundleRevision, emptyBundle } from '../blog-bundle.js';
import {
  type ExportManifest,
  exportManifest,
  MANIFEST_FILE,
  PAGES_FOLDER,
  postFrontMatter,
  POSTS_FOLDER,
} from '../inkwell-export-format.js';
import { ImportSourceError } from '../source-error.js';
import { dateOf, readJsonFile, readMarkdownFile } from './read-json.js';

/**
 * An Inkwell export (`npm run export`): the same blog again, with its pages, series, revisions,
 * author profiles, comments, settings and redirects. Older exports lack some of these: what they
 * do not carry is left as the target has it.
 */
export async function readInkwellExport(folder: string): Promise<BlogBundle> {
  const manifestFile = path.join(folder, MANIFEST_FILE);
  const manifest = parseWith(exportManifest, await readJsonFile(manifestFile), manifestFile);
  const bundle = emptyBundle('inkwell');
  bundle.categories = manifest.categories;
  bundle.series = manifest.series;
  bundle.users = manifest.users.map((user) => ({
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabled,
    profile:
      user.bio === undefined
        ? null
        : { slug: user.slug ?? null, bio: user.bio, avatar: user.avatar ?? null },
  }));
  const redirectsOf = groupByPost(manifest.redirects, (redirect) => redirect.path);
  const revisionsOf = groupByPost(manifest.revisions, revisionOf);
  const documents = [
    ...(await markdownFiles(path.join(folder, POSTS_FOLDER))).map((file) => ({
      file,
      kind: 'post' as const,
    })),
    ...(await markdownFiles(path.join(folder, PAGES_FOLDER))).map((file) => ({
      file,
      kind: 'page' as const,
    })),
  ];
  for (const { file, kind } of documents) {
    const document = await readMarkdownFile(file);
    const front = parseWith(postFrontMatter, document.data, file);
    const published = front.status === 'published';
    bundle.posts.push({
      kind,
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
      series: front.series ?? null,
      revisions: revisionsOf.get(front.slug) ?? [],
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
  const { logo, favicon, pageOrder, ...settings } = manifest.settings;
  bundle.settings = settings;
  bundle.pageOrder = pageOrder ?? null;
  bundle.settingsImages = {
    logo: logo ? path.join(folder, logo) : null,
    favicon: favicon ? path.join(folder, favicon) : null,
  };
  return bundle;
}

/** The `.md` files of a folder, by name; none when an older export has no such folder. */
async function markdownFiles(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return names
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => path.join(folder, name));
}

function groupByPost<T extends { post: string }, V>(items: T[], value: (item: T) => V) {
  const byPost = new Map<string, V[]>();
  for (const item of items) byPost.set(item.post, [...(byPost.get(item.post) ?? []), value(item)]);
  return byPost;
}

function revisionOf(revision: ExportManifest['revisions'][number]): BundleRevision {
  return {
    sourceId: String(revision.id),
    title: revision.title,
    summary: revision.summary,
    body: revision.body,
    categories: revision.categories,
    authorEmail: revision.author,
    pending: revision.pending,
    createdAt: new Date(revision.createdAt),
    ...(revision.series === undefined
      ? {}
      : {
          placement: {
            series: revision.series,
            cover: revision.cover ? { reference: revision.cover, alt: revision.coverAlt } : null,
          },
        }),
  };
}

/** The parsed value, or an ImportSourceError naming the file and the first bad field. */
function parseWith<T extends z.ZodType>(schema: T, value: unknown, file: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new ImportSourceError(file, issue.message, issue.path.join('.') || undefined);
}
