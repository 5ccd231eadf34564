import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type OriginalStore } from '@inkwell/assets/thumbnails';
import { storedNavigation } from '@inkwell/contract';
import { type PrismaClient } from '@inkwell/prisma';
import { writeFrontMatter } from './front-matter.js';
import {
  type ExportManifest,
  IMAGES_FOLDER,
  INKWELL_EXPORT_FORMAT,
  MANIFEST_FILE,
  PAGES_FOLDER,
  POSTS_FOLDER,
} from './inkwell-export-format.js';
import { type Progress } from './progress.js';

export interface ExportResult {
  posts: number;
  pages: number;
  series: number;
  revisions: number;
  comments: number;
  categories: number;
  images: number;
  users: number;
  redirects: number;
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
};

/**
 * Writes the whole blog to `folder` as a portable export: `posts/<slug>.md` and `pages/<slug>.md`
 * (Markdown with YAML front matter), `images/<hash>.<ext>` (the uploaded originals) and
 * `manifest.json` (settings, categories, series, users with their author profiles but without
 * password hashes, threaded comments, redirects, revisions, images). Files of an
 * earlier export there are overwritten; `dryRun` counts without writing.
 */
export async function exportBlog(
  prisma: PrismaClient,
  originals: OriginalStore,
  folder: string,
  options: { dryRun: boolean; progress: Progress },
): Promise<ExportResult> {
  const [
    posts,
    comments,
    categories,
    users,
    images,
    settings,
    slugRedirects,
    pathRedirects,
    series,
    revisions,
  ] = await Promise.all([
    prisma.post.findMany({
      orderBy: { id: 'asc' },
      include: {
        author: { select: { email: true } },
        categories: { select: { category: { select: { slug: true } } } },
        coverImage: { select: { hash: true } },
        series: { select: { slug: true } },
      },
    }),
    prisma.comment.findMany({
      orderBy: { id: 'asc' },
      include: { post: { select: { slug: true } } },
    }),
    prisma.category.findMany({ orderBy: { name: 'asc' } }),
    prisma.user.findMany({
      orderBy: { id: 'asc' },
      select: {
        email: true,
        name: true,
        role: true,
        createdAt: true,
        disabledAt: true,
        slug: true,
        bio: true,
        avatarImage: { select: { hash: true } },
      },
    }),
    prisma.image.findMany({ orderBy: { id: 'asc' } }),
    prisma.siteSettings.findUnique({
      where: { id: 1 },
      include: { logoImage: true, faviconImage: true },
    }),
    prisma.postSlugRedirect.findMany({ include: { post: { select: { slug: true } } } }),
    prisma.pathRedirect.findMany({ include: { post: { select: { slug: true } } } }),
    prisma.series.findMany({ orderBy: { slug: 'asc' }, select: { slug: true, name: true } }),
    prisma.postRevision.findMany({
      orderBy: { id: 'asc' },
      include: {
        post: { select: { slug: true } },
        author: { select: { email: true } },
        series: { select: { slug: true } },
        coverImage: { select: { hash: true } },
      },
    }),
  ]);
  const imageFile = (image: { hash: string; mime: string }) =>
    `${IMAGES_FOLDER}/${image.hash}.${EXTENSIONS[image.mime] ?? 'bin'}`;

  if (!options.dryRun) {
    await mkdir(path.join(folder, POSTS_FOLDER), { recursive: true });
    await mkdir(path.join(folder, PAGES_FOLDER), { recursive: true });
    await mkdir(path.join(folder, IMAGES_FOLDER), { recursive: true });
  }
  const postsBar = options.progress.start('posts', posts.length);
  for (const post of posts) {
    const front = {
      title: post.title,
      slug: post.slug,
      status: post.status === 'PUBLISHED' ? 'published' : 'draft',
      ...(post.publishedAt ? { date: post.publishedAt.toISOString() } : {}),
      created: post.createdAt.toISOString(),
      updated: post.updatedAt.toISOString(),
      ...(post.summary ? { summary: post.summary } : {}),
      categories: post.categories.map(({ category }) => category.slug).sort(),
      ...(post.author ? { author: post.author.email } : {}),
      ...(post.externalUrl ? { externalUrl: post.externalUrl } : {}),
      // As bodies refer to uploads: the file is in images/, named by the same hash.
      ...(post.coverImage
        ? { cover: `/images/${post.coverImage.hash}`, coverAlt: post.coverAlt }
        : {}),
      ...(post.series ? { series: { slug: post.series.slug, part: post.seriesPart ?? 1 } } : {}),
    };
    if (!options.dryRun) {
      await writeFile(
        path.join(folder, post.kind === 'PAGE' ? PAGES_FOLDER : POSTS_FOLDER, `${post.slug}.md`),
        writeFrontMatter(front, post.body),
      );
    }
    postsBar.increment();
  }
  postsBar.stop();
  const imagesBar = options.progress.start('images', images.length);
  for (const image of images) {
    if (!options.dryRun) {
      await copyFile(originals.originalPath(image.hash), path.join(folder, imageFile(image)));
    }
    imagesBar.increment();
  }
  imagesBar.stop();

  const manifest: ExportManifest = {
    format: INKWELL_EXPORT_FORMAT,
    version: 1,
    exportedAt: new Date().toISOString(),
    settings: {
      title: settings?.title ?? 'Inkwell',
      description: settings?.description ?? '',
      ownerName: settings?.ownerName ?? '',
      navigation: storedNavigation.parse(settings?.navigation ?? []),
      postsPerPage: settings?.postsPerPage ?? 10,
      commentsEnabled: settings?.commentsEnabled ?? true,
      holdFirstComments: settings?.holdFirstComments ?? true,
      logo: settings?.logoImage ? imageFile(settings.logoImage) : null,
      favicon: settings?.faviconImage ? imageFile(settings.faviconImage) : null,
      fullContentFeeds: settings?.fullContentFeeds ?? false,
      pageOrder: (settings?.pageOrder ?? []).flatMap((id) => {
        const page = posts.find((post) => post.id === id);
        return page ? [page.slug] : [];
      }),
    },
    categories: categories.map(({ slug, name, description }) => ({ slug, name, description })),
    users: users.map((user) => ({
      email: user.email,
      name: user.name,
      role: user.role,
      createdAt: user.createdAt.toISOString(),
      disabled: user.disabledAt !== null,
      slug: user.slug,
      bio: user.bio,
      avatar: user.avatarImage ? `/images/${user.avatarImage.hash}` : null,
    })),
    series,
    images: images.map((image) => ({
      hash: image.hash,
      filename: image.filename,
      mime: image.mime,
      file: imageFile(image),
    })),
    comments: comments.map((comment) => ({
      id: comment.id,
      post: comment.post.slug,
      parentId: comment.parentId,
      authorName: comment.authorName,
      authorEmail: comment.authorEmail,
      body: comment.body,
      approved: comment.approved,
      createdAt: comment.createdAt.toISOString(),
    })),
    redirects: [
      ...slugRedirects.map((redirect) => ({
        path: `/posts/${redirect.oldSlug}`,
        post: redirect.post.slug,
      })),
      ...pathRedirects.map((redirect) => ({ path: redirect.path, post: redirect.post.slug })),
    ],
    revisions: revisions.map((revision) => ({
      id: revision.id,
      post: revision.post.slug,
      title: revision.title,
      summary: revision.summary,
      body: revision.body,
      categories: revision.categories,
      author: revision.author?.email ?? null,
      pending: revision.pending,
      createdAt: revision.createdAt.toISOString(),
      series: revision.series
        ? { slug: revision.series.slug, part: revision.seriesPart ?? 1 }
        : null,
      cover: revision.coverImage ? `/images/${revision.coverImage.hash}` : null,
      coverAlt: revision.coverAlt,
    })),
  };
  if (!options.dryRun) {
    await writeFile(path.join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  }
  const pages = posts.filter((post) => post.kind === 'PAGE').length;
  return {
    posts: posts.length - pages,
    pages,
    series: series.length,
    revisions: revisions.length,
    comments: comments.length,
    categories: categories.length,
    images: images.length,
    users: users.length,
    redirects: manifest.redirects.length,
  };
}
