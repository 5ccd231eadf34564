import { z } from 'zod';
import { MAX_COVER_ALT_LENGTH } from './limits.js';
import { adminPostCoverView, postRevisionView } from './post-revisions.js';
import { adminPostSeriesView, postSeriesField } from './series.js';
import {
  bodyId,
  categoryRef,
  isoDateTime,
  paginationFields,
  personRef,
  slugField,
} from './fields.js';

export const MAX_BODY_LENGTH = 200_000;

const postFields = {
  title: z
    .string({ error: 'must be text' })
    .trim()
    .min(1, 'is required')
    .max(200, 'must be at most 200 characters'),
  slug: slugField,
  summary: z.string({ error: 'must be text' }).trim().max(500, 'must be at most 500 characters'),
  body: z
    .string({ error: 'must be text' })
    .max(MAX_BODY_LENGTH, `must be at most ${MAX_BODY_LENGTH} characters`),
  externalUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .max(2000, 'must be at most 2000 characters')
    .nullable(),
  categories: z
    .array(slugField, { error: 'must be a list of category slugs' })
    .max(20, 'accepts at most 20 categories')
    .transform((slugs) => [...new Set(slugs)]),
  series: postSeriesField,
  /** An uploaded image shown above the post, in listings and when it is shared; null: none. */
  coverImageId: bodyId().nullable(),
  coverAlt: z
    .string({ error: 'must be text' })
    .trim()
    .max(MAX_COVER_ALT_LENGTH, `must be at most ${MAX_COVER_ALT_LENGTH} characters`),
};

const version = z
  .number({ error: 'is required: the version this edit is based on' })
  .int('must be a whole number')
  .min(1, 'must be at least 1');

/** `post`: dated, listed, in feeds; `page`: a static page at `/<slug>`, in the navigation. */
export const postKindField = z.enum(['post', 'page'], { error: 'must be post or page' });
export type PostKindName = z.infer<typeof postKindField>;

export const createPostSchema = z.object(
  {
    ...postFields,
    kind: postKindField.optional().default('post'),
    slug: postFields.slug.optional(),
    summary: postFields.summary.optional().default(''),
    body: postFields.body.optional().default(''),
    externalUrl: postFields.externalUrl.optional().default(null),
    categories: postFields.categories.optional().default([]),
    series: postFields.series.optional().default(null),
    coverImageId: postFields.coverImageId.optional().default(null),
    coverAlt: postFields.coverAlt.optional().default(''),
  },
  { error: 'must be a JSON object' },
);
export type CreatePostInput = z.output<typeof createPostSchema>;

export const updatePostSchema = z.object(
  {
    version,
    title: postFields.title.optional(),
    slug: postFields.slug.optional(),
    summary: postFields.summary.optional(),
    body: postFields.body.optional(),
    externalUrl: postFields.externalUrl.optional(),
    categories: postFields.categories.optional(),
    series: postFields.series.optional(),
    coverImageId: postFields.coverImageId.optional(),
    coverAlt: postFields.coverAlt.optional(),
  },
  { error: 'must be a JSON object' },
);
export type UpdatePostInput = z.output<typeof updatePostSchema>;

/**
 * An edit kept as the post's pending draft: readers see nothing of it (text, series place, cover)
 * until it is published. Fields left out keep the draft's (or, without one, the post's).
 */
export const saveDraftSchema = updatePostSchema.pick({
  version: true,
  title: true,
  summary: true,
  body: true,
  categories: true,
  series: true,
  coverImageId: true,
  coverAlt: true,
});
export type SaveDraftInput = z.output<typeof saveDraftSchema>;

export const publishPostSchema = z.object(
  {
    version,
    publishAt: z.iso
      .datetime({ offset: true, error: 'must be an ISO 8601 date and time' })
      .transform((value) => new Date(value))
      .optional(),
  },
  { error: 'must be a JSON object' },
);
export type PublishPostInput = z.output<typeof publishPostSchema>;

export const versionOnlySchema = z.object({ version }, { error: 'must be a JSON object' });
export type VersionOnlyInput = z.output<typeof versionOnlySchema>;

export const previewSchema = z.object(
  {
    markdown: z
      .string({ error: 'is required' })
      .max(MAX_BODY_LENGTH, `must be at most ${MAX_BODY_LENGTH} characters`),
  },
  { error: 'must be a JSON object' },
);
export const previewView = z.object({ html: z.string() });

export const listAdminPostsSchema = z.object({
  kind: postKindField.optional().default('post'),
  q: z.string().trim().max(200, 'must be at most 200 characters').optional(),
  status: z
    .enum(['all', 'draft', 'scheduled', 'published'], {
      error: 'must be all, draft, scheduled or published',
    })
    .optional()
    .default('all'),
  category: slugField.optional(),
  sort: z
    .enum(['updated', 'published', 'title'], { error: 'must be updated, published or title' })
    .optional()
    .default('updated'),
  order: z.enum(['asc', 'desc'], { error: 'must be asc or desc' }).optional(),
  ...paginationFields(20),
});
export type ListAdminPostsQuery = z.output<typeof listAdminPostsSchema>;

/** draft: not published; scheduled: published with a date still to come; published: public. */
export const postStateField = z.enum(['draft', 'scheduled', 'published']);
export type PostState = z.infer<typeof postStateField>;
export const postStatusField = z.enum(['DRAFT', 'PUBLISHED']);

export const adminPostView = z.object({
  id: z.number().int(),
  kind: postKindField,
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  externalUrl: z.string().nullable(),
  status: postStatusField,
  state: postStateField,
  publishedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: z.number().int(),
  categories: z.array(categoryRef),
  author: personRef.nullable(),
  previousSlugs: z.array(z.string()),
  /** An edit saved but not published yet (the editor opens on it), or null. */
  pendingDraft: postRevisionView.nullable(),
  /** The series it is a part of, and its part number; null when none. */
  series: adminPostSeriesView.nullable(),
  /** The cover image (an upload) with a preview thumbnail's URL, and its text alternative. */
  cover: adminPostCoverView.nullable(),
  coverAlt: z.string(),
  /** Whether the caller may edit, publish, unpublish and delete it (authors: their own only). */
  canEdit: z.boolean(),
});
export type AdminPostView = z.infer<typeof adminPostView>;

export const adminPostListItem = adminPostView
  .pick({
    id: true,
    kind: true,
    slug: true,
    title: true,
    status: true,
    state: true,
    publishedAt: true,
    updatedAt: true,
    version: true,
    categories: true,
    author: true,
    canEdit: true,
  })
  .extend({ commentCount: z.number().int(), pendingCommentCount: z.number().int() });
export type AdminPostListItem = z.infer<typeof adminPostListItem>;

/** A stale-version 409 carries the post as it is now. */
export const postConflict = z.looseObject({
  statusCode: z.literal(409),
  message: z.string(),
  current: adminPostView.optional(),
  fields: z.record(z.string(), z.string()).optional(),
});

/** A post as a client sends it to create one (omitted fields take their defaults). */
export type PostInput = z.input<typeof createPostSchema>;
