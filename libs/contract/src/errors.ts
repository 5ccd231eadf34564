import { z } from 'zod';

/**
 * Every refusal and failure: `statusCode`, the reason phrase as `error`, a `message`; a 400 names
 * its fields, a 301 the slug a post or a category moved to, a 409 may carry what the write collided with.
 */
export const errorBody = z.looseObject({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
  slug: z.string().optional(),
  code: z.string().optional(),
});
export type ErrorBody = z.infer<typeof errorBody>;

/**
 * The answer for a slug renamed since (301 with a Location header): a post's current slug, or a
 * listing's categories under their current slugs, comma-separated.
 */
export const moved = errorBody.extend({ statusCode: z.literal(301), slug: z.string().min(1) });
