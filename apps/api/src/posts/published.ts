import { type Prisma } from '@inkwell/prisma';

/** Public means published with a publication date that has come (scheduled posts wait). */
export function publishedWhere(now: Date = new Date()): Prisma.PostWhereInput {
  return { status: 'PUBLISHED', publishedAt: { lte: now } };
}

export const categoryRefSelect = {
  orderBy: { category: { name: 'asc' } },
  select: { category: { select: { slug: true, name: true } } },
} satisfies Prisma.Post$categoriesArgs;

export const approvedCommentCount = {
  select: { comments: { where: { approved: true } } },
} satisfies Prisma.PostCountOutputTypeDefaultArgs;
