import { z } from 'zod';
import { MAX_SERIES_PART } from './limits.js';
import { slugField } from './fields.js';

const name = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, 'is required')
  .max(120, 'must be at most 120 characters');

export const createSeriesSchema = z.object(
  { name, slug: slugField.optional() },
  { error: 'must be a JSON object' },
);
export type CreateSeriesInput = z.output<typeof createSeriesSchema>;

export const updateSeriesSchema = z.object(
  { name: name.optional(), slug: slugField.optional() },
  { error: 'must be a JSON object' },
);
export type UpdateSeriesInput = z.output<typeof updateSeriesSchema>;

export const adminSeriesView = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  /** Every post in it, drafts and scheduled ones included. */
  postCount: z.number().int(),
});
export type AdminSeriesView = z.infer<typeof adminSeriesView>;

/** Where a post sits in a series, as the editor sets it. */
export const postSeriesField = z
  .object(
    {
      slug: slugField,
      part: z
        .number({ error: 'must be a whole number' })
        .int('must be a whole number')
        .min(1, 'must be at least 1')
        .max(MAX_SERIES_PART, `must be at most ${MAX_SERIES_PART}`),
    },
    { error: 'must be an object with a series slug and a part number, or null' },
  )
  .nullable();
export type PostSeriesInput = z.output<typeof postSeriesField>;

/** A post's series as the editor shows it. */
export const adminPostSeriesView = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  part: z.number().int(),
});

/** The series box of a post page: its published parts in order, and where this post is. */
export const seriesNavView = z.object({
  slug: z.string(),
  name: z.string(),
  /** This post's place among the published parts, from 1. */
  position: z.number().int(),
  parts: z.array(z.object({ slug: z.string(), title: z.string() })),
});
export type SeriesNavView = z.infer<typeof seriesNavView>;
