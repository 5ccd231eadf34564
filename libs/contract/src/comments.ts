import { z } from 'zod';
import { isoDateTime, MAX_ID } from './fields.js';

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
  /**
   * With a held comment: the key that shows it to its writer while it waits
   * (POST /api/comments/held). Only a hash of it is stored.
   */
  viewKey: z.string().optional(),
});
export type CreatedComment = z.infer<typeof createdComment>;

/** A held comment's key, as `viewKey` gave it (base64url). */
export const VIEW_KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** POST /api/comments/held: the comments a visitor wrote, each with the key its creation gave. */
export const heldCommentsQuery = z.object(
  {
    comments: z
      .array(
        z.object(
          {
            id: z
              .number({ error: 'must be a comment id' })
              .int('must be a comment id')
              .positive('must be a comment id')
              .max(MAX_ID, 'must be a comment id'),
            key: z.string({ error: 'must be text' }).regex(VIEW_KEY_PATTERN, 'must be a view key'),
          },
          { error: 'must be an object with an id and a key' },
        ),
        { error: 'must be a list of comments' },
      )
      .max(20, 'accepts at most 20 comments'),
  },
  { error: 'must be a JSON object' },
);
export type HeldCommentsQuery = z.infer<typeof heldCommentsQuery>;

/** A comment still awaiting moderation, shown only to the visitor who wrote it. */
export const heldCommentView = z.object({
  id: z.number().int(),
  postId: z.number().int(),
  parentId: z.number().int().nullable(),
  authorName: z.string(),
  html: z.string(),
  createdAt: isoDateTime,
});
export type HeldCommentView = z.infer<typeof heldCommentView>;

export const heldCommentList = z.object({ items: z.array(heldCommentView) });
export type HeldCommentList = z.infer<typeof heldCommentList>;
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
