import {
  type CreatedComment,
  type HeldCommentsQuery,
  type HeldCommentView,
  type NewComment,
} from '@inkwell/contract';
import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { type PrismaClient } from '@inkwell/prisma';
import { NotFoundError } from '../common/not-found.js';
import { ValidationError } from '../common/validation.js';
import { PRISMA } from '../core/tokens.js';
import { CommentGate } from '../moderation/comment-gate.service.js';
import { Outbox } from '../events/outbox.js';
import { publishedWhere } from '../posts/published.js';
import { SettingsService } from '../settings/settings.service.js';
import { renderCommentMarkdown } from '../markdown/render-markdown.js';
import { matchesViewKey, newViewKey } from './view-keys.js';

export interface CommentOrigin {
  ipAddress: string | null;
  userAgent: string | null;
}

@Injectable()
export class CommentsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(Outbox) private readonly outbox: Outbox,
    @Inject(CommentGate) private readonly gate: CommentGate,
    @Inject(SettingsService) private readonly settings: SettingsService,
  ) {}

  async createComment(
    slug: string,
    input: NewComment,
    origin: CommentOrigin,
  ): Promise<CreatedComment> {
    const post = await this.prisma.post.findFirst({
      where: { slug, ...publishedWhere() },
      select: { id: true },
    });
    if (!post) throw new NotFoundError(`No published post has the slug "${slug}"`);
    const policy = await this.settings.get();
    if (!policy.commentsEnabled) throw new ForbiddenException('Comments are closed on this site');
    if (input.parentId != null) {
      const parent = await this.prisma.comment.findFirst({
        where: { id: input.parentId, postId: post.id, approved: true },
        select: { id: true },
      });
      if (!parent)
        throw new ValidationError({ parentId: 'must be a published comment on this post' });
    }
    // With first comments not held, every commenter is treated as a returning one.
    const hasApprovedCommentBefore =
      !policy.holdFirstComments ||
      (await this.prisma.comment.count({
        where: { authorEmail: input.authorEmail, approved: true },
        take: 1,
      })) > 0;
    const outcome = await this.gate.screen({
      authorName: input.authorName,
      authorEmail: input.authorEmail,
      body: input.body,
      ipAddress: origin.ipAddress,
      website: input.website,
      renderedAt: input.renderedAt,
      hasApprovedCommentBefore,
    });
    // A bot that filled the honeypot is told what a person would be told, and nothing is kept.
    if (outcome.action === 'discard') {
      return { id: 0, awaitingModeration: true, viewKey: newViewKey().key };
    }
    const approved = outcome.action === 'publish';
    const viewKey = approved ? null : newViewKey();
    const comment = await this.outbox.transaction(async (tx, record) => {
      const comment = await tx.comment.create({
        data: {
          postId: post.id,
          parentId: input.parentId ?? null,
          authorName: input.authorName,
          authorEmail: input.authorEmail,
          body: input.body,
          approved,
          notifyReplies: input.notifyReplies ?? false,
          ipAddress: origin.ipAddress?.slice(0, 64) ?? null,
          userAgent: origin.userAgent?.slice(0, 512) ?? null,
          viewKeyHash: viewKey?.hash ?? null,
        },
        select: { id: true },
      });
      await record('comment.created', { commentId: comment.id, postId: post.id, approved });
      return comment;
    });
    return viewKey
      ? { id: comment.id, awaitingModeration: true, viewKey: viewKey.key }
      : { id: comment.id, awaitingModeration: false };
  }

  /**
   * The comments still held of those named, each only with the key its creation answered: what
   * a visitor wrote, shown to them alone until it is approved (then it is in the thread) or
   * deleted.
   */
  async heldComments(query: HeldCommentsQuery): Promise<HeldCommentView[]> {
    if (query.comments.length === 0) return [];
    const rows = await this.prisma.comment.findMany({
      where: { id: { in: query.comments.map((comment) => comment.id) }, approved: false },
      select: {
        id: true,
        postId: true,
        parentId: true,
        authorName: true,
        body: true,
        createdAt: true,
        viewKeyHash: true,
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    const keys = new Map(query.comments.map((comment) => [comment.id, comment.key]));
    return rows
      .filter((row) => matchesViewKey(keys.get(row.id) ?? '', row.viewKeyHash))
      .map((row) => ({
        id: row.id,
        postId: row.postId,
        parentId: row.parentId,
        authorName: row.authorName,
        html: renderCommentMarkdown(row.body),
        createdAt: row.createdAt.toISOString(),
      }));
  }
}
