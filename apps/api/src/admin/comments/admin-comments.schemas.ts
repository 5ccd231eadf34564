import { z } from 'zod';
import { bodyId, queryId } from '../../common/ids.js';
import { paginationFields } from '../common/pagination.js';

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
