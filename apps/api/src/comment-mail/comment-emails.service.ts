import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { type PrismaClient } from '@inkwell/prisma';
import { type Config } from '../config/config.js';
import { CONFIG, PRISMA } from '../core/tokens.js';
import { awaitingModerationEmail, type CommentEmailKind, replyEmail } from './comment-emails.js';
import { createMailer, type Mailer } from './mailer.js';
import { signingSecret, signUnsubscribeToken } from './unsubscribe-token.js';

const SIGNING_KEY = 'unsubscribe';

const commentForEmail = {
  id: true,
  createdAt: true,
  parentId: true,
  authorName: true,
  authorEmail: true,
  body: true,
  approved: true,
  post: { select: { title: true, slug: true, author: { select: { email: true } } } },
} as const;

/**
 * Decides who gets an email about a comment and sends it. Reloads the comment when it runs, so
 * an email due for a comment approved or deleted meanwhile is simply not sent.
 */
@Injectable()
export class CommentEmails implements OnModuleDestroy {
  private readonly mailer: Mailer;
  private secret: Promise<string> | null = null;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    this.mailer = createMailer(config.smtp);
  }

  /** Whether emails can be sent at all (SMTP_URL is set). */
  get enabled(): boolean {
    return this.mailer.from !== null;
  }

  get from(): string | null {
    return this.mailer.from;
  }

  onModuleDestroy(): void {
    this.mailer.close();
  }

  /** The key of unsubscribe links, read (or created) once per process. */
  unsubscribeSecret(): Promise<string> {
    this.secret ??= signingSecret(this.prisma, SIGNING_KEY).catch((error: unknown) => {
      this.secret = null;
      throw error;
    });
    return this.secret;
  }

  async unsubscribeUrl(commentId: number): Promise<string> {
    const token = signUnsubscribeToken(await this.unsubscribeSecret(), commentId);
    return `${this.config.siteUrl}/unsubscribe?token=${encodeURIComponent(token)}`;
  }

  /** Sends the email of this kind about the comment if it is still due; rejects if SMTP fails. */
  async send(kind: CommentEmailKind, commentId: number): Promise<void> {
    const comment = await this.prisma.comment.findUnique({
      where: { id: commentId },
      select: commentForEmail,
    });
    if (!comment) return;
    if (kind === 'awaiting-moderation') {
      if (comment.approved) return;
      for (const to of await this.moderators(comment.post.author?.email ?? null))
        await this.mailer.send(awaitingModerationEmail(this.config.siteUrl, to, comment));
      return;
    }
    if (!comment.approved || comment.parentId === null) return;
    const parent = await this.prisma.comment.findUnique({
      where: { id: comment.parentId },
      select: { id: true, authorEmail: true, notifyReplies: true },
    });
    // Nobody is told about their own reply.
    if (!parent?.notifyReplies || parent.authorEmail === comment.authorEmail.toLowerCase()) return;
    const unsubscribeUrl = await this.unsubscribeUrl(parent.id);
    await this.mailer.send(
      replyEmail(this.config.siteUrl, parent.authorEmail, comment, unsubscribeUrl),
    );
  }

  /** The post's author; a post without one (its author was deleted) goes to the admins. */
  private async moderators(authorEmail: string | null): Promise<string[]> {
    if (authorEmail) return [authorEmail];
    const admins = await this.prisma.user.findMany({
      where: { role: 'ADMIN', disabledAt: null },
      select: { email: true },
      orderBy: { id: 'asc' },
    });
    return admins.map((admin) => admin.email);
  }
}
