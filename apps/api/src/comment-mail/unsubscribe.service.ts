import { type UnsubscribeView } from '@inkwell/contract';
import { Inject, Injectable } from '@nestjs/common';
import { type PrismaClient } from '@inkwell/prisma';
import { ValidationError } from '../common/validation.js';
import { PRISMA } from '../core/tokens.js';
import { CommentEmails } from './comment-emails.service.js';
import { verifyUnsubscribeToken } from './unsubscribe-token.js';

/**
 * The unsubscribe link of a reply email: what it is about, and stopping the emails. Unsubscribing
 * stops reply emails for every comment written with that address, as a person expects of
 * "stop emailing me".
 */
@Injectable()
export class UnsubscribeService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CommentEmails) private readonly emails: CommentEmails,
  ) {}

  async describe(token: string): Promise<UnsubscribeView> {
    const comment = await this.commentOf(token);
    return { postTitle: comment.post.title, subscribed: comment.notifyReplies };
  }

  async unsubscribe(token: string): Promise<UnsubscribeView> {
    const comment = await this.commentOf(token);
    await this.prisma.comment.updateMany({
      where: { authorEmail: comment.authorEmail, notifyReplies: true },
      data: { notifyReplies: false },
    });
    return { postTitle: comment.post.title, subscribed: false };
  }

  private async commentOf(token: string) {
    const commentId = verifyUnsubscribeToken(await this.emails.unsubscribeSecret(), token);
    if (commentId === null) throw new ValidationError({ token: 'is not a valid unsubscribe link' });
    const comment = await this.prisma.comment.findUnique({
      where: { id: commentId },
      select: { authorEmail: true, notifyReplies: true, post: { select: { title: true } } },
    });
    if (!comment)
      throw new ValidationError({ token: 'is for a comment that was deleted: no emails are sent' });
    return comment;
  }
}
