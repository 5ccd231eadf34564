import { z } from 'zod';
import { isoDateTime } from './fields.js';

/** POST /api/admin/blocklist: an IP address or a word refused in public comments. */
export const blockListEntryInput = z.object(
  {
    kind: z.enum(['ip', 'word'], { error: 'must be ip or word' }),
    value: z
      .string({ error: 'must be text' })
      .trim()
      .min(1, 'is required')
      .max(100, 'must be at most 100 characters'),
  },
  { error: 'must be a JSON object' },
);

export const blockListEntryView = z.object({
  id: z.number().int(),
  kind: z.enum(['ip', 'word']),
  value: z.string(),
  createdAt: isoDateTime,
});
export type BlockListEntryView = z.infer<typeof blockListEntryView>;
