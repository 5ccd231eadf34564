import { type PostRevisionListItem, type PostRevisionView } from '@inkwell/contract';
import { type Prisma } from '@inkwell/prisma';
import { type Tx } from '../../posts/post-snapshot.js';

/*
 * A post's revisions: every save keeps the text it left (title, summary, body, categories) with
 * who saved it and when. Rows are only ever added; `pending` marks the one revision that is the
 * post's unpublished edit (a partial unique index keeps it to one per post).
 */

/** How many revisions the editor's history lists (all of them are kept). */
export const LISTED_REVISIONS = 100;

export interface RevisionText {
  title: string;
  summary: string;
  body: string;
  /** Category slugs. */
  categories: string[];
}

export const revisionSelect = {
  id: true,
  title: true,
  summary: true,
  body: true,
  categories: true,
  pending: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
} satisfies Prisma.PostRevisionSelect;

type RevisionRow = Prisma.PostRevisionGetPayload<{ select: typeof revisionSelect }>;

export function toRevisionView(row: RevisionRow): PostRevisionView {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    body: row.body,
    categories: row.categories,
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

/** The post's text as it is stored now. */
export async function currentText(tx: Tx, postId: number): Promise<RevisionText> {
  const post = await tx.post.findUniqueOrThrow({
    where: { id: postId },
    select: {
      title: true,
      summary: true,
      body: true,
      categories: {
        orderBy: { category: { slug: 'asc' } },
        select: { category: { select: { slug: true } } },
      },
    },
  });
  return {
    title: post.title,
    summary: post.summary,
    body: post.body,
    categories: post.categories.map(({ category }) => category.slug),
  };
}

/** The post's pending draft, or null. */
export function findPendingDraft(tx: Tx, postId: number): Promise<RevisionRow | null> {
  return tx.postRevision.findFirst({ where: { postId, pending: true }, select: revisionSelect });
}

/** The draft stops being pending (it stays in the history). */
export async function clearPendingDraft(tx: Tx, postId: number): Promise<void> {
  await tx.postRevision.updateMany({ where: { postId, pending: true }, data: { pending: false } });
}

/**
 * Keeps `text` as a new revision saved by `authorId`. A pending one replaces the post's pending
 * draft as such (the older draft stays in the history); a published one ends it.
 */
export async function keepRevision(
  tx: Tx,
  postId: number,
  text: RevisionText,
  authorId: number | null,
  pending: boolean,
): Promise<void> {
  await clearPendingDraft(tx, postId);
  await tx.postRevision.create({
    data: {
      postId,
      title: text.title,
      summary: text.summary,
      body: text.body,
      categories: [...text.categories].sort(),
      authorId,
      pending,
    },
  });
}
