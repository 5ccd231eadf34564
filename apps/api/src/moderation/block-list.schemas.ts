import { isIP } from 'node:net';
import { z } from 'zod';
import { normalizeIp } from './moderation-rules.js';

export const blockListEntrySchema = z
  .object(
    {
      kind: z.enum(['ip', 'word'], { error: 'must be ip or word' }),
      value: z
        .string({ error: 'must be text' })
        .trim()
        .min(1, 'is required')
        .max(100, 'must be at most 100 characters'),
    },
    { error: 'must be a JSON object' },
  )
  .transform((entry) => ({
    kind: entry.kind === 'ip' ? ('IP' as const) : ('WORD' as const),
    value: entry.kind === 'ip' ? normalizeIp(entry.value) : entry.value.toLowerCase(),
  }))
  .refine((entry) => entry.kind === 'WORD' || isIP(entry.value) !== 0, {
    message: 'must be an IPv4 or IPv6 address',
    path: ['value'],
  });
export type BlockListEntryInput = z.output<typeof blockListEntrySchema>;
