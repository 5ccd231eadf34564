import { type PrismaClient } from '../generated/client/client.js';
import { type DemoCategory, type DemoPost } from './demo-content/types.js';

export interface SeedResult {
  seeded: boolean;
  posts: number;
  categories: number;
  comments: number;
}

export interface SeedContent {
  categories: DemoCategory[];
  posts: DemoPost[];
}

const HOUR_MS = 3_600_000;
export const SEED_LOCK_KEY = 7_362_810_115;

/**
 * Writes the demo content into an empty database. A database that already has posts is left
 * alone, so calling this on every start is safe.
 */
export async function seedDemoContent(
  prisma: PrismaClient,
  content: SeedContent,
): Promise<SeedResult> {
  const nothingSeeded = { seeded: false, posts: 0, categories: 0, comments: 0 };
  if ((await prisma.post.count()) > 0) return nothingSeeded;
  const result = await prisma.$transaction(
    async (tx) => {
      // Several API processes may start on one empty database: the first one seeds, the others
      // wait for it however long it takes (a request's statement timeout is not for this wait).
      await tx.$executeRawUnsafe('SET LOCAL statement_timeout = 0');
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      if ((await tx.post.count()) > 0) return nothingSeeded;
      const categoryIds = new Map<string, number>();
      for (const category of content.categories) {
        const { id } = await tx.category.create({ data: category, select: { id: true } });
        categoryIds.set(category.slug, id);
      }
      let comments = 0;
      for (const post of content.posts) {
        const publishedAt = post.publishedAt ? new Date(post.publishedAt) : null;
        const { id: postId } = await tx.post.create({
          data: {
            slug: post.slug,
            title: post.title,
            summary: post.summary,
            body: post.body,
            externalUrl: post.externalUrl ?? null,
            status: post.status,
            publishedAt,
            categories: {
              create: post.categories.map((slug) => ({ categoryId: requireId(categoryIds, slug) })),
            },
          },
          select: { id: true },
        });
        const commentIds = new Map<string, number>();
        for (const comment of post.comments) {
          const created = await tx.comment.create({
            data: {
              postId,
              parentId: comment.replyTo ? requireId(commentIds, comment.replyTo) : null,
              authorName: comment.authorName,
              authorEmail: comment.authorEmail,
              body: comment.body,
              approved: comment.approved,
              createdAt: new Date(
                (publishedAt?.getTime() ?? Date.now()) + comment.hoursAfterPost * HOUR_MS,
              ),
            },
            select: { id: true },
          });
          commentIds.set(comment.key, created.id);
          comments += 1;
        }
      }
      return {
        seeded: true,
        posts: content.posts.length,
        categories: content.categories.length,
        comments,
      };
    },
    { timeout: 60_000 },
  );
  // Fresh statistics, so the planner sizes the new rows right (PGlite has no autovacuum).
  if (result.seeded) {
    // Maintenance, not a request: no statement timeout (a busy machine can take seconds).
    await prisma.$transaction([
      prisma.$executeRawUnsafe('SET LOCAL statement_timeout = 0'),
      prisma.$executeRawUnsafe('ANALYZE'),
    ]);
  }
  return result;
}

function requireId(ids: Map<string, number>, key: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`Demo content refers to unknown key "${key}"`);
  return id;
}
