import { z } from 'zod';
import { isoDateTime, MAX_ID, personRef } from './fields.js';
import { adminPostSeriesView } from './series.js';

/** A post's cover (an upload) as the editor shows it, with a preview thumbnail's URL. */
export const adminPostCoverView = z.object({
  id: z.number().int(),
  hash: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  url: z.string(),
});

/** One save of a post, as the editor's history lists it. */
export const postRevisionListItem = z.object({
  id: z.number().int(),
  title: z.string(),
  /** Who saved it (null: the account was deleted since). */
  author: personRef.nullable(),
  createdAt: isoDateTime,
  /** The post's pending draft: an edit of a published post that readers do not see yet. */
  pending: z.boolean(),
});
export type PostRevisionListItem = z.infer<typeof postRevisionListItem>;

/** A revision with its whole text. */
export const postRevisionView = postRevisionListItem.extend({
  summary: z.string(),
  body: z.string(),
  /** Category slugs as saved. */
  categories: z.array(z.string()),
  /** The post's series and part as saved; null when none. */
  series: adminPostSeriesView.nullable(),
  /** The cover (an upload) as saved, with a preview thumbnail's URL; null when none. */
  cover: adminPostCoverView.nullable(),
  coverAlt: z.string(),
});
export type PostRevisionView = z.infer<typeof postRevisionView>;

/** The path of one revision of one post. */
export const revisionParams = z.object({
  id: z.number().int().min(1).max(MAX_ID),
  revisionId: z.number().int().min(1).max(MAX_ID),
});
