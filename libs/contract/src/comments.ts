import { z } from 'zod';
import { MAX_ID } from './fields.js';

/** POST /api/posts/{slug}/comments. */
export const newCommentSchema = z.object(
  {
    authorName: z
      .string({ error: 'must be text' })
      .trim()
      .min(1, 'is required')
      .max(80, 'must be at most 80 characters'),
    /** Stored lowercased, so an exact `=` finds the commenter's earlier comments. */
    authorEmail: z
      .string({ error: 'must be text' })
      .trim()
      .max(254, 'must be at most 254 characters')
      .pipe(z.email({ error: 'must be a valid email address' }))
      .transform((email) => email.toLowerCase()),
    body: z
      .string({ error: 'must be text' })
      .trim()
      .min(2, 'must be at least 2 characters')
      .max(5000, 'must be at most 5000 characters'),
    parentId: z
      .number({ error: 'must be a comment id' })
      .int('must be a comment id')
      .positive('must be a comment id')
      .max(MAX_ID, 'must be a comment id')
      .nullish(),
    /** The form's hidden honeypot field: people leave it empty. */
    website: z
      .string({ error: 'must be text' })
      .max(200, 'must be at most 200 characters')
      .nullish(),
    /** Email the commenter when someone replies (each email has a one-click unsubscribe). */
    notifyReplies: z.boolean({ error: 'must be true or false' }).nullish(),
    /** When the form was rendered (ms since the epoch): a bot answers faster than a person can. */
    renderedAt: z
      .number({ error: 'must be a timestamp' })
      .int('must be a timestamp')
      .nonnegative()
      .nullish(),
  },
  { error: 'must be a JSON object' },
);
export type NewComment = z.output<typeof newCommentSchema>;
/** What a client sends (before the API's trimming and lowercasing). */
export type NewCommentInput = z.input<typeof newCommentSchema>;

export const createdComment = z.object({
  id: z.number().int(),
  /** Held for moderation: not shown until an admin approves it. */
  awaitingModeration: z.boolean(),
});
export type CreatedComment = z.infer<typeof createdComment>;

/** The signed token of an unsubscribe link (GET and POST /api/unsubscribe). */
const unsubscribeToken = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required')
  .max(200, 'is not a valid unsubscribe link');

export const unsubscribeQuery = z.object({ token: unsubscribeToken });
export const unsubscribeSchema = z.object(
  { token: unsubscribeToken },
  { error: 'must be a JSON object' },
);
export type UnsubscribeInput = z.output<typeof unsubscribeSchema>;

/** What an unsubscribe link is about: the comment's post, and whether emails still go out. */
export const unsubscribeView = z.object({
  postTitle: z.string(),
  /** Whether reply emails are still sent to this commenter. */
  subscribed: z.boolean(),
});
export type UnsubscribeView = z.infer<typeof unsubscribeView>;
