import { isIP } from 'node:net';
import { blockListEntryInput } from '@inkwell/contract';
import { type z } from 'zod';
import { normalizeIp } from './moderation-rules.js';

/** The contract's entry as stored: an IP in its normal form, a word in lowercase. */
export const blockListEntrySchema = blockListEntryInput
  .transform((entry) => ({
    kind: entry.kind === 'ip' ? ('IP' as const) : ('WORD' as const),
    value: entry.kind === 'ip' ? normalizeIp(entry.value) : entry.value.toLowerCase(),
  }))
  .refine((entry) => entry.kind === 'WORD' || isIP(entry.value) !== 0, {
    message: 'must be an IPv4 or IPv6 address',
    path: ['value'],
  });
export type BlockListEntryInput = z.output<typeof blockListEntrySchema>;
