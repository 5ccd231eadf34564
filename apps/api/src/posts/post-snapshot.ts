import { type PostKindName } from '@inkwell/contract';
import { type Prisma } from '@inkwell/prisma';
import { NotFoundError } from '../common/not-found.js';
import { type DomainEventMap } from '../events/domain-events.js';
import { type RecordEvent } from '../events/outbox.js';

export type Tx = Prisma.TransactionClient;

/** What a write changes that subscribers care about (cache keys, search index, hints). */
export interface PostSnapshot {
  id: number;
  kind: PostKindName;
  slug: string;
  version: number;
  /** Visible to readers: published with a date that has come. */
  public: boolean;
  publishedAt: Date | null;
  /** The publication date while it is still to come (published, not yet public). */
  scheduledFor: Date | null;
  categorySlugs: string[];
  /** Who may change the post besides admins (null: only admins). */
  authorId: number | null;
}

const snapshotSelect = {
  id: true,
  kind: true,
  slug: true,
  version: true,
  status: true,
  publishedAt: true,
  authorId: true,
  categories: { select: { category: { select: { slug: true } } } },
} satisfies Prisma.PostSelect;

type SnapshotRow = Prisma.PostGetPayload<{ select: typeof snapshotSelect }>;

function toSnapshot(row: SnapshotRow, now: Date): PostSnapshot {
  const published = row.status === 'PUBLISHED' && row.publishedAt !== null;
  return {
    id: row.id,
    kind: row.kind === 'PAGE' ? 'page' : 'post',
    slug: row.slug,
    version: row.version,
    publishedAt: row.publishedAt,
    public: published && row.publishedAt! <= now,
    scheduledFor: published && row.publishedAt! > now ? row.publishedAt : null,
    categorySlugs: row.categories.map(({ category }) => category.slug).sort(),
    authorId: row.authorId,
  };
}

export async function loadSnapshot(tx: Tx, id: number): Promise<PostSnapshot> {
  const snapshot = await findSnapshot(tx, id);
  if (!snapshot) throw new NotFoundError(`No post has the id ${id}`);
  return snapshot;
}

export async function findSnapshot(tx: Tx, id: number): Promise<PostSnapshot | null> {
  const row = await tx.post.findUnique({ where: { id }, select: snapshotSelect });
  return row ? toSnapshot(row, new Date()) : null;
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
    kind: after.kind,
    slug: after.slug,
    previousSlug: before?.slug ?? null,
    categorySlugs: after.categorySlugs,
    previousCategorySlugs: before?.categorySlugs ?? [],
    published: after.public,
    wasPublished: before?.public ?? false,
  };
}

/**
 * Records `post.saved` and keeps exactly one pending `post.publication-due` for a post whose date
 * is still to come (none for the others): a rescheduled post is announced once, at its new date.
 */
export async function recordPostSaved(
  tx: Tx,
  record: RecordEvent,
  before: PostSnapshot | null,
  after: PostSnapshot,
): Promise<void> {
  await record('post.saved', postSavedEvent(before, after));
  if (before?.scheduledFor) {
    await tx.$executeRaw`
      DELETE FROM "OutboxEvent"
      WHERE "type" = 'post.publication-due' AND "doneAt" IS NULL
        AND ("payload"->>'postId')::int = ${after.id}`;
  }
  if (after.scheduledFor) {
    await record(
      'post.publication-due',
      { postId: after.id, publishedAt: after.scheduledFor.toISOString() },
      { runAfter: after.scheduledFor },
    );
  }
}
