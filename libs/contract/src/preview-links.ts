import { z } from 'zod';
import { categoryRef, isoDateTime, MAX_ID, personRef } from './fields.js';
import { postCoverView } from './posts.js';
import { seriesNavView } from './series.js';

/** A secret address showing a post's draft to someone without an account. */
export const previewLinkView = z.object({
  id: z.number().int(),
  createdAt: isoDateTime,
  createdBy: personRef.nullable(),
});
export type PreviewLinkView = z.infer<typeof previewLinkView>;

/** A new link: its token is answered this once (only its hash is kept). */
export const createdPreviewLink = previewLinkView.extend({ token: z.string() });
export type CreatedPreviewLink = z.infer<typeof createdPreviewLink>;

export const previewLinkParams = z.object({
  id: z.number().int().min(1).max(MAX_ID),
  linkId: z.number().int().min(1).max(MAX_ID),
});

export const previewTokenParams = z.object({ token: z.string().min(1) });

/** What a preview link shows: the pending draft of a published post, else the post itself. */
export const postPreviewView = z.object({
  title: z.string(),
  summary: z.string(),
  html: z.string(),
  externalUrl: z.string().nullable(),
  categories: z.array(categoryRef),
  /** The cover it will have (the draft's, when it shows one). */
  cover: postCoverView.nullable(),
  /** Its series as readers will see it once published: the published parts and this one. */
  series: seriesNavView.nullable(),
  state: z.enum(['draft', 'scheduled', 'published']),
  publishedAt: isoDateTime.nullable(),
  /** True when it shows an edit of a published post that is not published yet. */
  pendingEdit: z.boolean(),
  /** When the text shown was saved. */
  savedAt: isoDateTime,
});
export type PostPreviewView = z.infer<typeof postPreviewView>;
