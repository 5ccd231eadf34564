import { type AdminPostListItem, type AdminPostView, type PostKindName } from '@inkwell/contract';
import { type PostKind, type Prisma } from '@inkwell/prisma';
import { postState } from '../../posts/post-state.js';
import { mayChange, type Viewer } from '../../auth/ownership.js';
import { categoryRefSelect } from '../../posts/published.js';
import { placementSelect, toPlacementView } from './post-placement.js';
import { revisionSelect, toRevisionView } from './post-revisions.js';

export function kindName(kind: PostKind): PostKindName {
  return kind === 'PAGE' ? 'page' : 'post';
}

export const adminPostSelect = {
  id: true,
  kind: true,
  slug: true,
  title: true,
  summary: true,
  body: true,
  externalUrl: true,
  status: true,
  publishedAt: true,
  createdAt: true,
  updatedAt: true,
  version: true,
  categories: categoryRefSelect,
  author: { select: { id: true, name: true } },
  slugRedirects: { orderBy: { createdAt: 'desc' }, select: { oldSlug: true } },
  revisions: { where: { pending: true }, take: 1, select: revisionSelect },
  ...placementSelect,
} satisfies Prisma.PostSelect;

export function toAdminPost(
  row: Prisma.PostGetPayload<{ select: typeof adminPostSelect }>,
  viewer: Viewer,
): AdminPostView {
  return {
    id: row.id,
    kind: kindName(row.kind),
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    body: row.body,
    externalUrl: row.externalUrl,
    status: row.status,
    state: postState(row.status, row.publishedAt),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    categories: row.categories.map(({ category }) => category),
    author: row.author,
    previousSlugs: row.slugRedirects.map((r) => r.oldSlug),
    pendingDraft: row.revisions[0] ? toRevisionView(row.revisions[0]) : null,
    ...toPlacementView(row),
    canEdit: mayChange(viewer, row.author?.id ?? null),
  };
}

export const adminPostListSelect = {
  id: true,
  kind: true,
  slug: true,
  title: true,
  status: true,
  publishedAt: true,
  updatedAt: true,
  version: true,
  categories: categoryRefSelect,
  author: { select: { id: true, name: true } },
} satisfies Prisma.PostSelect;

export function toAdminPostListItem(
  row: Prisma.PostGetPayload<{ select: typeof adminPostListSelect }>,
  commentCount: number,
  pendingCommentCount: number,
  now: Date,
  viewer: Viewer,
): AdminPostListItem {
  return {
    id: row.id,
    kind: kindName(row.kind),
    slug: row.slug,
    title: row.title,
    status: row.status,
    state: postState(row.status, row.publishedAt, now),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    categories: row.categories.map(({ category }) => category),
    commentCount,
    pendingCommentCount,
    author: row.author,
    canEdit: mayChange(viewer, row.author?.id ?? null),
  };
}
