import { type Prisma, type PrismaClient } from '@inkwell/prisma';
import { type CommentDocument, type IndexableDocument, type PostDocument } from '@inkwell/search';
import { categoryRefSelect, publicPostSelect, publicWhere } from '../posts/published.js';

const postDocumentSelect = {
  ...publicPostSelect,
  body: true,
  categories: categoryRefSelect,
} satisfies Prisma.PostSelect;

type PostRow = Prisma.PostGetPayload<{ select: typeof postDocumentSelect }>;

function toPostDocument(post: PostRow): PostDocument {
  return {
    id: post.id,
    slug: post.slug,
    title: post.title,
    summary: post.summary,
    body: post.body,
    categories: post.categories.map(({ category }) => category),
    publishedAt: post.publishedAt!.toISOString(),
  };
}

/** The search document of a post if readers can see it now, else null. */
export async function loadPostDocument(
  prisma: PrismaClient,
  postId: number,
): Promise<PostDocument | null> {
  const post = await prisma.post.findFirst({
    where: { id: postId, ...publicWhere() },
    select: postDocumentSelect,
  });
  return post ? toPostDocument(post) : null;
}

const commentDocumentSelect = {
  id: true,
  postId: true,
  body: true,
  createdAt: true,
  post: { select: { slug: true, title: true } },
} as const;

function toCommentDocument(comment: {
  id: number;
  postId: number;
  body: string;
  createdAt: Date;
  post: { slug: string; title: string };
}): CommentDocument {
  return {
    id: comment.id,
    postId: comment.postId,
    postSlug: comment.post.slug,
    postTitle: comment.post.title,
    body: comment.body,
    createdAt: comment.createdAt.toISOString(),
  };
}

/** Approved comments of a published post, or the one comment asked for, as search documents. */
export async function loadCommentDocuments(
  prisma: PrismaClient,
  where: { postId: number } | { id: number },
): Promise<CommentDocument[]> {
  const comments = await prisma.comment.findMany({
    where: { ...where, approved: true, post: publicWhere() },
    select: commentDocumentSelect,
  });
  return comments.map(toCommentDocument);
}

const BATCH = 200;

/** Everything readers can see, in batches, for a full reindex. */
export async function* allSearchDocuments(prisma: PrismaClient): AsyncGenerator<IndexableDocument> {
  for (let cursor = 0; ;) {
    const posts = await prisma.post.findMany({
      where: { ...publicWhere(), id: { gt: cursor } },
      orderBy: { id: 'asc' },
      take: BATCH,
      select: postDocumentSelect,
    });
    for (const post of posts) yield { kind: 'post', ...toPostDocument(post) };
    if (posts.length < BATCH) break;
    cursor = posts.at(-1)!.id;
  }
  for (let cursor = 0; ;) {
    const comments = await prisma.comment.findMany({
      where: { approved: true, post: publicWhere(), id: { gt: cursor } },
      orderBy: { id: 'asc' },
      take: BATCH,
      select: commentDocumentSelect,
    });
    for (const comment of comments) yield { kind: 'comment', ...toCommentDocument(comment) };
    if (comments.length < BATCH) break;
    cursor = comments.at(-1)!.id;
  }
}
