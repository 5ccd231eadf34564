import { z } from 'zod';

export const lbHeartbeat = z.object({ status: z.literal('ok') });

/** Each dependency's check: `ok` or what went wrong. 503 when any fails. */
export const heartbeatReport = z.object({
  status: z.enum(['ok', 'failing']),
  checks: z.record(z.string(), z.string()),
});
export type HeartbeatReport = z.infer<typeof heartbeatReport>;

export const versionView = z.object({ name: z.string(), version: z.string() });
