import { z } from 'zod';
import { bodyId, slugField } from './fields.js';

/** GET /api/authors/{slug}: what the author page shows above their posts. */
export const authorView = z.object({
  slug: z.string(),
  name: z.string(),
  /** The bio's Markdown, rendered and sanitized. */
  bioHtml: z.string(),
  /** A square-ish thumbnail of the uploaded avatar. */
  avatar: z.object({ url: z.string() }).nullable(),
  /** Published posts. */
  postCount: z.number().int(),
});
export type AuthorView = z.infer<typeof authorView>;

export const MAX_BIO_LENGTH = 5000;

/** GET /api/admin/account: the signed-in user's public profile. */
export const accountProfileView = z.object({
  id: z.number().int(),
  name: z.string(),
  slug: z.string().nullable(),
  bio: z.string(),
  avatar: z.object({ id: z.number().int(), url: z.string() }).nullable(),
});
export type AccountProfileView = z.infer<typeof accountProfileView>;

/** PATCH /api/admin/account: any of the profile's fields; omitted ones stay as they are. */
export const updateProfileSchema = z
  .object(
    {
      name: z
        .string({ error: 'must be text' })
        .trim()
        .min(1, 'must not be empty')
        .max(100, 'must be at most 100 characters'),
      slug: slugField,
      bio: z
        .string({ error: 'must be text' })
        .trim()
        .max(MAX_BIO_LENGTH, `must be at most ${MAX_BIO_LENGTH} characters`),
      avatarImageId: bodyId().nullable(),
    },
    { error: 'must be a JSON object' },
  )
  .partial();
export type UpdateProfileInput = z.output<typeof updateProfileSchema>;
export type ProfileInput = z.input<typeof updateProfileSchema>;
