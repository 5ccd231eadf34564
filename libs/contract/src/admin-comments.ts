import { z } from 'zod';
import { bodyId, isoDateTime, paginationFields, queryId } from './fields.js';

export const listCommentsSchema = z.object({
  status: z
    .enum(['pending', 'approved', 'all'], { error: 'must be pending, approved or all' })
    .optional()
    .default('pending'),
  post: queryId('post').optional(),
  ...paginationFields(50),
});
export type ListCommentsQuery = z.output<typeof listCommentsSchema>;

export const bulkCommentsSchema = z.object(
  {
    /** `spam` deletes like `delete` and teaches the spam filter; `approve` teaches it ham. */
    action: z.enum(['approve', 'delete', 'spam'], { error: 'must be approve, delete or spam' }),
    ids: z
      .array(bodyId(), { error: 'must be a list of comment ids' })
      .min(1, 'must name at least one comment')
      .max(200, 'accepts at most 200 ids')
      .transform((ids) => [...new Set(ids)]),
  },
  { error: 'must be a JSON object' },
);
export type BulkCommentsInput = z.output<typeof bulkCommentsSchema>;

export const replySchema = z.object(
  {
    body: z
      .string({ error: 'must be text' })
      .trim()
      .min(2, 'must be at least 2 characters')
      .max(5000, 'must be at most 5000 characters'),
  },
  { error: 'must be a JSON object' },
);
export type ReplyInput = z.output<typeof replySchema>;

export const adminCommentView = z.object({
  id: z.number().int(),
  postId: z.number().int(),
  post: z.object({ id: z.number().int(), slug: z.string(), title: z.string() }),
  parentId: z.number().int().nullable(),
  authorName: z.string(),
  authorEmail: z.string(),
  body: z.string(),
  html: z.string(),
  approved: z.boolean(),
  createdAt: isoDateTime,
  ipAddress: z.string().nullable(),
  /** The learned spam score (0 to 1) and the words pushing it up; `active`: it holds comments. */
  spam: z.object({
    score: z.number().min(0).max(1),
    active: z.boolean(),
    words: z.array(z.object({ word: z.string(), weight: z.number() })),
  }),
});
export type AdminCommentView = z.infer<typeof adminCommentView>;

export const bulkResult = z.object({
  action: z.enum(['approve', 'delete', 'spam']),
  affected: z.array(z.number().int()),
  missing: z.array(z.number().int()),
});
export type BulkResult = z.infer<typeof bulkResult>;

/** Why emails are or are not sent, and how much the spam filter has learned. */
export const moderationStatus = z.object({
  mail: z.object({
    enabled: z.boolean(),
    /** The sender address, when enabled. */
    from: z.string().nullable(),
    /** Why no email is sent, when disabled. */
    problem: z.string().nullable(),
  }),
  spamFilter: z.object({
    spamSeen: z.number().int(),
    hamSeen: z.number().int(),
    /** It holds comments once it has seen this many of each kind. */
    minimumPerClass: z.number().int(),
    active: z.boolean(),
  }),
});
export type ModerationStatus = z.infer<typeof moderationStatus>;
