import { type PostRevisionListItem, type PostRevisionView } from '@inkwell/contract';
import { type Prisma } from '@inkwell/prisma';
import { type Tx } from '../../posts/post-snapshot.js';
import { placementSelect, toPlacementView } from './post-placement.js';

/*
 * A post's revisions: every save keeps the content it left (title, summary, body, categories,
 * series place, cover) with who saved it and when. Rows are only ever added; `pending` marks the one revision that is the
 * post's unpublished edit (a partial unique index keeps it to one per post).
 */

/** How many revisions the editor's history lists (all of them are kept). */
export const LISTED_REVISIONS = 100;

export interface RevisionContent {
  title: string;
  summary: string;
  body: string;
  /** Category slugs. */
  categories: string[];
  seriesId: number | null;
  seriesPart: number | null;
  coverImageId: number | null;
  coverAlt: string;
}

/** The columns of a post or revision that hold `RevisionContent` but categories. */
const contentColumns = {
  title: true,
  summary: true,
  body: true,
  seriesId: true,
  seriesPart: true,
  coverImageId: true,
  coverAlt: true,
} as const;

export const revisionSelect = {
  id: true,
  title: true,
  summary: true,
  body: true,
  categories: true,
  pending: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
  ...placementSelect,
} satisfies Prisma.PostRevisionSelect;

type RevisionRow = Prisma.PostRevisionGetPayload<{ select: typeof revisionSelect }>;

export function toRevisionView(row: RevisionRow): PostRevisionView {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    body: row.body,
    categories: row.categories,
    ...toPlacementView(row),
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    pending: row.pending,
  };
}

export function toRevisionListItem(
  row: Pick<RevisionRow, 'id' | 'title' | 'pending' | 'createdAt' | 'author'>,
): PostRevisionListItem {
  return {
    id: row.id,
    title: row.title,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    pending: row.pending,
  };
}

/** The post's content as it is stored now. */
export async function currentContent(tx: Tx, postId: number): Promise<RevisionContent> {
  const { categories, ...post } = await tx.post.findUniqueOrThrow({
    where: { id: postId },
    select: {
      ...contentColumns,
      categories: {
        orderBy: { category: { slug: 'asc' } },
        select: { category: { select: { slug: true } } },
      },
    },
  });
  return { ...post, categories: categories.map(({ category }) => category.slug) };
}

/** The content of the post's pending draft, or null. */
export function findPendingDraft(tx: Tx, postId: number): Promise<RevisionContent | null> {
  return tx.postRevision.findFirst({
    where: { postId, pending: true },
    select: { ...contentColumns, categories: true },
  });
}

/** The draft stops being pending (it stays in the history). */
export async function clearPendingDraft(tx: Tx, postId: number): Promise<void> {
  await tx.postRevision.updateMany({ where: { postId, pending: true }, data: { pending: false } });
}

/**
 * Keeps `content` as a new revision saved by `authorId`. A pending one replaces the post's pending
 * draft as such (the older draft stays in the history); a published one ends it.
 */
export async function keepRevision(
  tx: Tx,
  postId: number,
  content: RevisionContent,
  authorId: number | null,
  pending: boolean,
): Promise<void> {
  await clearPendingDraft(tx, postId);
  await tx.postRevision.create({
    data: {
      ...content,
      postId,
      categories: [...content.categories].sort(),
      authorId,
      pending,
    },
  });
}
