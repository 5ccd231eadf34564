import { type PrismaClient } from '@inkwell/prisma';
import { type CommentEmails } from '../comment-mail/comment-emails.service.js';
import { type DomainEvents } from '../events/domain-events.js';
import { type Outbox } from '../events/outbox.js';

/**
 * Emails about comments, in two steps so the comment's write never waits on a mail server:
 * the comment's own events (run before the write answers) only record a `comment.email-due` in
 * the background; the next outbox poll sends it, and retries it with a growing delay while the
 * mail server refuses. Without SMTP_URL, and for imported comments, nothing is recorded.
 */
export function sendCommentEmails(
  events: DomainEvents,
  prisma: PrismaClient,
  outbox: Outbox,
  emails: CommentEmails,
): void {
  const due = (commentId: number, kind: 'awaiting-moderation' | 'reply') =>
    outbox.transaction(async (_tx, record) => {
      await record('comment.email-due', { commentId, kind }, { background: true });
    });
  const replyDue = async (commentId: number) => {
    const reply = await prisma.comment.findUnique({
      where: { id: commentId },
      select: { parent: { select: { notifyReplies: true } } },
    });
    if (reply?.parent?.notifyReplies) await due(commentId, 'reply');
  };

  events.on('comment.created', 'email', async ({ commentId, approved, imported }) => {
    // An import's held comments are years old: the author is not flooded with emails.
    if (!emails.enabled || imported) return;
    if (approved) await replyDue(commentId);
    else await due(commentId, 'awaiting-moderation');
  });
  events.on('comment.approved', 'email', async ({ commentId }) => {
    if (emails.enabled) await replyDue(commentId);
  });
  events.on('comment.email-due', 'email', async ({ commentId, kind }) => {
    if (emails.enabled) await emails.send(kind, commentId);
  });
}
