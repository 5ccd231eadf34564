import { type Prisma } from '@inkwell/prisma';

/**
 * Readers can see it: published with a publication date that has come (scheduled posts wait).
 * Posts and static pages alike (search, sitemap); `publishedWhere` narrows to posts.
 */
export function publicWhere(now: Date = new Date()): Prisma.PostWhereInput {
  return { status: 'PUBLISHED', publishedAt: { lte: now } };
}

/** A public post: what listings, feeds, categories, comments and post pages show (no pages). */
export function publishedWhere(now: Date = new Date()): Prisma.PostWhereInput {
  return { kind: 'POST', ...publicWhere(now) };
}

/** A public static page. */
export function publishedPageWhere(now: Date = new Date()): Prisma.PostWhereInput {
  return { kind: 'PAGE', ...publicWhere(now) };
}

/**
 * What every public view of a post or page starts from (summaries, pages, search documents,
 * previews): its address, title, summary and publication date.
 */
export const publicPostSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  publishedAt: true,
} satisfies Prisma.PostSelect;

export const categoryRefSelect = {
  orderBy: { category: { name: 'asc' } },
  select: { category: { select: { slug: true, name: true } } },
} satisfies Prisma.Post$categoriesArgs;

export const approvedCommentCount = {
  select: { comments: { where: { approved: true } } },
} satisfies Prisma.PostCountOutputTypeDefaultArgs;

/** A post's byline. */
export const authorRefSelect = { select: { slug: true, name: true } } as const;
