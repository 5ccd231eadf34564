import { type PrismaClient } from '@inkwell/prisma';
import { type RealtimeServer } from '@inkwell/realtime';
import { type DomainEvents } from '../events/domain-events.js';

/**
 * Tells readers of a post that its visible comments changed, and everyone that a post came out.
 * Hints carry ids and counts only; the page refetches what it shows.
 */
export function sendRealtimeHints(
  events: DomainEvents,
  prisma: PrismaClient,
  realtime: RealtimeServer,
): void {
  const publishCommentHint = async (postId: number) => {
    const [commentCount, latest] = await Promise.all([
      prisma.comment.count({ where: { postId, approved: true } }),
      prisma.comment.findFirst({
        where: { postId, approved: true },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        select: { id: true },
      }),
    ]);
    await realtime.publishCommentHint({
      postId,
      commentCount,
      latestCommentId: latest?.id ?? null,
    });
  };

  events.on('comment.created', 'realtime hint', async ({ postId, approved }) => {
    if (approved) await publishCommentHint(postId);
  });
  events.on('comment.approved', 'realtime hint', ({ postId }) => publishCommentHint(postId));
  events.on('comment.deleted', 'realtime hint', async ({ postId, wasApproved }) => {
    if (wasApproved) await publishCommentHint(postId);
  });
  events.on('post.saved', 'realtime hint', async ({ postId, slug, published, wasPublished }) => {
    if (published && !wasPublished) await realtime.publishPostHint({ postId, slug });
  });
}
