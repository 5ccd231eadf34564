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
    action: z.enum(['approve', 'delete'], { error: 'must be approve or delete' }),
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
});
export type AdminCommentView = z.infer<typeof adminCommentView>;

export const bulkResult = z.object({
  action: z.enum(['approve', 'delete']),
  affected: z.array(z.number().int()),
  missing: z.array(z.number().int()),
});
export type BulkResult = z.infer<typeof bulkResult>;
