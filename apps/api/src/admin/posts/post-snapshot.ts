import { type Prisma } from '@inkwell/prisma';
import { NotFoundError } from '../../common/not-found.js';
import { type DomainEventMap } from '../../events/domain-events.js';

export type Tx = Prisma.TransactionClient;

/** What a write changes that subscribers care about (cache keys, search index, hints). */
export interface PostSnapshot {
  id: number;
  slug: string;
  version: number;
  /** Visible to readers: published with a date that has come. */
  public: boolean;
  publishedAt: Date | null;
  categorySlugs: string[];
  /** Who may change the post besides admins (null: only admins). */
  authorId: number | null;
}

const snapshotSelect = {
  id: true,
  slug: true,
  version: true,
  status: true,
  publishedAt: true,
  authorId: true,
  categories: { select: { category: { select: { slug: true } } } },
} satisfies Prisma.PostSelect;

type SnapshotRow = Prisma.PostGetPayload<{ select: typeof snapshotSelect }>;

function toSnapshot(row: SnapshotRow, now: Date): PostSnapshot {
  return {
    id: row.id,
    slug: row.slug,
    version: row.version,
    publishedAt: row.publishedAt,
    public: row.status === 'PUBLISHED' && row.publishedAt !== null && row.publishedAt <= now,
    categorySlugs: row.categories.map(({ category }) => category.slug).sort(),
    authorId: row.authorId,
  };
}

export async function loadSnapshot(tx: Tx, id: number): Promise<PostSnapshot> {
  const row = await tx.post.findUnique({ where: { id }, select: snapshotSelect });
  if (!row) throw new NotFoundError(`No post has the id ${id}`);
  return toSnapshot(row, new Date());
}

/** Snapshots of many posts in one query (a category merge touches every post it held). */
export async function loadSnapshots(tx: Tx, where: Prisma.PostWhereInput): Promise<PostSnapshot[]> {
  const now = new Date();
  const rows = await tx.post.findMany({ where, orderBy: { id: 'asc' }, select: snapshotSelect });
  return rows.map((row) => toSnapshot(row, now));
}

export function postSavedEvent(
  before: PostSnapshot | null,
  after: PostSnapshot,
): DomainEventMap['post.saved'] {
  return {
    postId: after.id,
    slug: after.slug,
    previousSlug: before?.slug ?? null,
    categorySlugs: after.categorySlugs,
    previousCategorySlugs: before?.categorySlugs ?? [],
    published: after.public,
    wasPublished: before?.public ?? false,
  };
}
