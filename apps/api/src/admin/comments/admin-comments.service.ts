import {
  type AdminCommentView,
  type BulkCommentsInput,
  type BulkResult,
  type ListCommentsQuery,
  type SessionUser,
} from '@inkwell/contract';
import { Inject, Injectable } from '@nestjs/common';
import { type Prisma, type PrismaClient } from '@inkwell/prisma';
import { NotFoundError } from '../../common/not-found.js';
import { PRISMA } from '../../core/tokens.js';
import { Outbox } from '../../events/outbox.js';
import { renderCommentMarkdown } from '../../markdown/render-markdown.js';
import { type Page, pageOf, pageWindow } from '../common/pagination.js';

const commentSelect = {
  id: true,
  postId: true,
  parentId: true,
  authorName: true,
  authorEmail: true,
  body: true,
  approved: true,
  createdAt: true,
  ipAddress: true,
  post: { select: { id: true, slug: true, title: true } },
} satisfies Prisma.CommentSelect;

function toView(row: Prisma.CommentGetPayload<{ select: typeof commentSelect }>): AdminCommentView {
  return { ...row, html: renderCommentMarkdown(row.body), createdAt: row.createdAt.toISOString() };
}

/** The moderation queue: pending first; approve, delete, bulk actions, replies as the author. */
@Injectable()
export class AdminCommentsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(Outbox) private readonly outbox: Outbox,
  ) {}

  async list(query: ListCommentsQuery): Promise<Page<AdminCommentView>> {
    const where: Prisma.CommentWhereInput = {
      ...(query.status === 'pending' ? { approved: false } : {}),
      ...(query.status === 'approved' ? { approved: true } : {}),
      ...(query.post ? { postId: query.post } : {}),
    };
    const [total, rows] = await Promise.all([
      this.prisma.comment.count({ where }),
      this.prisma.comment.findMany({
        where,
        orderBy: [{ approved: 'asc' }, { createdAt: 'desc' }, { id: 'desc' }],
        ...pageWindow(query),
        select: commentSelect,
      }),
    ]);
    return pageOf(rows.map(toView), total, query);
  }

  async approve(id: number): Promise<AdminCommentView> {
    const result = await this.bulk({ action: 'approve', ids: [id] });
    if (result.missing.length > 0) await this.find(id);
    return this.find(id);
  }

  async delete(id: number): Promise<void> {
    const result = await this.bulk({ action: 'delete', ids: [id] });
    if (result.affected.length === 0) throw new NotFoundError(`No comment has the id ${id}`);
  }

  /**
   * Ids that do not exist (or are already approved, for approve) are reported, not an error.
   * The write itself says which rows it changed (`RETURNING`), so two simultaneous requests for
   * the same comments affect, report and announce each comment once between them.
   */
  async bulk(input: BulkCommentsInput): Promise<BulkResult> {
    const ids = input.ids;
    type Affected = Array<{ id: number; postId: number; approved: boolean }>;
    const affected = await this.outbox.transaction(async (tx, record): Promise<Affected> => {
      if (input.action === 'approve') {
        const approved = await tx.comment.updateManyAndReturn({
          where: { id: { in: ids }, approved: false },
          data: { approved: true },
          select: { id: true, postId: true, approved: true },
        });
        for (const t of approved) {
          await record('comment.approved', { commentId: t.id, postId: t.postId });
        }
        return approved;
      }
      // Prisma has no deleteManyAndReturn; replies go with their parent (ON DELETE CASCADE).
      const deleted = await tx.$queryRaw<Affected>`
        DELETE FROM "Comment" WHERE id = ANY(${ids}::int[]) RETURNING id, "postId", approved`;
      for (const t of deleted) {
        await record('comment.deleted', {
          commentId: t.id,
          postId: t.postId,
          wasApproved: t.approved,
        });
      }
      return deleted;
    });
    const affectedIds = affected.map((t) => t.id).sort((a, b) => a - b);
    return {
      action: input.action,
      affected: affectedIds,
      missing: ids.filter((id) => !affectedIds.includes(id)).sort((a, b) => a - b),
    };
  }

  /** An approved reply from the signed-in user; answering a pending comment approves it too. */
  async reply(parentId: number, body: string, user: SessionUser): Promise<AdminCommentView> {
    const reply = await this.outbox.transaction(async (tx, record) => {
      const parent = await tx.comment.findUnique({
        where: { id: parentId },
        select: { id: true, postId: true, approved: true },
      });
      if (!parent) throw new NotFoundError(`No comment has the id ${parentId}`);
      if (!parent.approved) {
        await tx.comment.update({ where: { id: parent.id }, data: { approved: true } });
      }
      const reply = await tx.comment.create({
        data: {
          postId: parent.postId,
          parentId: parent.id,
          authorName: user.name,
          authorEmail: user.email,
          body,
          approved: true,
        },
        select: commentSelect,
      });
      if (!parent.approved) {
        await record('comment.approved', { commentId: parent.id, postId: parent.postId });
      }
      await record('comment.created', {
        commentId: reply.id,
        postId: reply.postId,
        approved: true,
      });
      return reply;
    });
    return toView(reply);
  }

  private async find(id: number): Promise<AdminCommentView> {
    const row = await this.prisma.comment.findUnique({ where: { id }, select: commentSelect });
    if (!row) throw new NotFoundError(`No comment has the id ${id}`);
    return toView(row);
  }
}
