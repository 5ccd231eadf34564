import {
  type AdminCommentView,
  type BulkCommentsInput,
  type BulkResult,
  type ListCommentsQuery,
  type ModerationStatus,
  type SessionUser,
} from '@inkwell/contract';
import { Inject, Injectable } from '@nestjs/common';
import { type Prisma, type PrismaClient } from '@inkwell/prisma';
import { NotFoundError } from '../../common/not-found.js';
import { PRISMA } from '../../core/tokens.js';
import { Outbox } from '../../events/outbox.js';
import { renderCommentMarkdown } from '../../markdown/render-markdown.js';
import { CommentEmails } from '../../comment-mail/comment-emails.service.js';
import { NO_SMTP_PROBLEM } from '../../comment-mail/mailer.js';
import { type SpamAssessment } from '../../moderation/spam-classifier.js';
import { learnFromComment, SpamFilter } from '../../moderation/spam-filter.service.js';
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

type CommentRow = Prisma.CommentGetPayload<{ select: typeof commentSelect }>;

function toView(row: CommentRow, spam: SpamAssessment): AdminCommentView {
  return {
    ...row,
    html: renderCommentMarkdown(row.body),
    createdAt: row.createdAt.toISOString(),
    spam: {
      score: spam.score,
      active: spam.active,
      words: spam.spamWords.map(({ token, weight }) => ({ word: token, weight })),
    },
  };
}

/** What a deletion returns of each comment, to announce it and to teach the spam filter. */
interface DeletedComment {
  id: number;
  postId: number;
  approved: boolean;
  authorName: string;
  body: string;
  learnedAsHam: boolean;
}

/**
 * The moderation queue: pending first, each comment with its spam score explained; approve
 * (teaches the spam filter ham), delete, delete as spam (teaches it spam), bulk actions,
 * replies as the author.
 */
@Injectable()
export class AdminCommentsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(Outbox) private readonly outbox: Outbox,
    @Inject(SpamFilter) private readonly spamFilter: SpamFilter,
    @Inject(CommentEmails) private readonly emails: CommentEmails,
  ) {}

  /** Why emails are (not) sent, and how far the spam filter has learned. */
  async status(): Promise<ModerationStatus> {
    const [spamFilter, failing] = await Promise.all([
      this.spamFilter.status(),
      this.emails.enabled
        ? this.prisma.outboxEvent.findFirst({
            where: { type: 'comment.email-due', doneAt: null, lastError: { not: null } },
            orderBy: { id: 'desc' },
            select: { lastError: true },
          })
        : null,
    ]);
    const problem = !this.emails.enabled
      ? NO_SMTP_PROBLEM
      : failing?.lastError
        ? `Sending failed and is retried: ${failing.lastError}`
        : null;
    return { mail: { enabled: this.emails.enabled, from: this.emails.from, problem }, spamFilter };
  }

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
    const assessments = await this.spamFilter.assessMany(rows);
    return pageOf(
      rows.map((row, i) => toView(row, assessments[i]!)),
      total,
      query,
    );
  }

  async approve(id: number): Promise<AdminCommentView> {
    const result = await this.bulk({ action: 'approve', ids: [id] });
    if (result.missing.length > 0) await this.find(id);
    return this.find(id);
  }

  async delete(id: number, action: 'delete' | 'spam' = 'delete'): Promise<void> {
    const result = await this.bulk({ action, ids: [id] });
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
          data: { approved: true, learnedAsHam: true },
          select: { id: true, postId: true, approved: true, authorName: true, body: true },
        });
        for (const t of approved) {
          await learnFromComment(tx, t, 'ham');
          await record('comment.approved', { commentId: t.id, postId: t.postId });
        }
        return approved;
      }
      // Prisma has no deleteManyAndReturn; replies go with their parent (ON DELETE CASCADE).
      const deleted = await tx.$queryRaw<DeletedComment[]>`
        DELETE FROM "Comment" WHERE id = ANY(${ids}::int[])
        RETURNING id, "postId", approved, "authorName", body, "learnedAsHam"`;
      for (const t of deleted) {
        // Only the comments named are spam; replies deleted with them teach nothing.
        if (input.action === 'spam')
          await learnFromComment(tx, t, t.learnedAsHam ? 'spam-after-ham' : 'spam');
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
        const approved = await tx.comment.update({
          where: { id: parent.id },
          data: { approved: true, learnedAsHam: true },
          select: { authorName: true, body: true },
        });
        await learnFromComment(tx, approved, 'ham');
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
    return this.viewOf(reply);
  }

  private async viewOf(row: CommentRow): Promise<AdminCommentView> {
    return toView(row, await this.spamFilter.assess(row));
  }

  private async find(id: number): Promise<AdminCommentView> {
    const row = await this.prisma.comment.findUnique({ where: { id }, select: commentSelect });
    if (!row) throw new NotFoundError(`No comment has the id ${id}`);
    return this.viewOf(row);
  }
}
