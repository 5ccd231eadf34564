import { createHash } from 'node:crypto';
import { type EmailMessage } from './mailer.js';

/** The longest part of a comment quoted in an email. */
const EXCERPT_LENGTH = 600;

function excerpt(body: string): string {
  const text = body.trim();
  const short = text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
  return short
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** No line breaks in a subject: a name or title must not inject headers or folds. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export type CommentEmailKind = 'awaiting-moderation' | 'reply';

export interface CommentForEmail {
  id: number;
  createdAt: Date;
  authorName: string;
  body: string;
  post: { title: string; slug: string };
}

export function postCommentUrl(siteUrl: string, comment: CommentForEmail): string {
  return `${siteUrl}/posts/${encodeURIComponent(comment.post.slug)}#comment-${comment.id}`;
}

/**
 * The Message-ID of the email of this kind about this comment to this reader. Emails go out at
 * least once: one sent again (the server kept it but its answer was lost, or the API stopped
 * before it noted the send) carries the same Message-ID, which mailbox providers use to keep a
 * single copy. The comment's creation time keeps ids apart when a blog starts over and numbers
 * its comments from 1 again; the recipient is hashed, not shown.
 */
export function commentEmailMessageId(
  siteUrl: string,
  kind: CommentEmailKind,
  comment: Pick<CommentForEmail, 'id' | 'createdAt'>,
  to: string,
): string {
  const recipient = createHash('sha256').update(to.toLowerCase()).digest('hex').slice(0, 16);
  const host = new URL(siteUrl).hostname;
  return `<comment-${comment.id}.${comment.createdAt.getTime()}.${kind}.${recipient}@${host}>`;
}

/** To the post's author: a comment waits for them in the moderation queue. */
export function awaitingModerationEmail(
  siteUrl: string,
  to: string,
  comment: CommentForEmail,
): EmailMessage {
  return {
    to,
    messageId: commentEmailMessageId(siteUrl, 'awaiting-moderation', comment, to),
    subject: oneLine(`New comment awaiting moderation on "${comment.post.title}"`),
    text: [
      `${oneLine(comment.authorName)} commented on "${oneLine(comment.post.title)}":`,
      '',
      excerpt(comment.body),
      '',
      `Approve or delete it in the moderation queue: ${siteUrl}/admin/comments`,
    ].join('\n'),
  };
}

/**
 * To a commenter who asked for it: someone replied. Carries the one-click unsubscribe of
 * RFC 8058 (List-Unsubscribe with an https URL, List-Unsubscribe-Post), so mail clients offer
 * an "unsubscribe" button that needs no visit.
 */
export function replyEmail(
  siteUrl: string,
  to: string,
  reply: CommentForEmail,
  unsubscribeUrl: string,
): EmailMessage {
  return {
    to,
    messageId: commentEmailMessageId(siteUrl, 'reply', reply, to),
    subject: oneLine(`${reply.authorName} replied to your comment on "${reply.post.title}"`),
    text: [
      `${oneLine(reply.authorName)} replied to your comment on "${oneLine(reply.post.title)}":`,
      '',
      excerpt(reply.body),
      '',
      `Read the conversation: ${postCommentUrl(siteUrl, reply)}`,
      '',
      `You get this email because you asked to be told about replies.`,
      `Stop these emails: ${unsubscribeUrl}`,
    ].join('\n'),
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
