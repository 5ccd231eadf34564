import { z } from 'zod';
import { bodyId, queryId, slugField } from './fields.js';

export const categoryView = z.object({
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  /** Published posts only. */
  postCount: z.number().int(),
});
export type CategoryView = z.infer<typeof categoryView>;

export const categoryList = z.object({ items: z.array(categoryView) });
export type CategoryList = z.infer<typeof categoryList>;

const name = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, 'is required')
  .max(80, 'must be at most 80 characters');
const description = z
  .string({ error: 'must be text' })
  .trim()
  .max(500, 'must be at most 500 characters');

export const createCategorySchema = z.object(
  { name, slug: slugField.optional(), description: description.optional().default('') },
  { error: 'must be a JSON object' },
);
export type CreateCategoryInput = z.output<typeof createCategorySchema>;

export const updateCategorySchema = z.object(
  { name: name.optional(), slug: slugField.optional(), description: description.optional() },
  { error: 'must be a JSON object' },
);
export type UpdateCategoryInput = z.output<typeof updateCategorySchema>;

export const mergeCategorySchema = z.object({ into: bodyId() }, { error: 'must be a JSON object' });
export type MergeCategoryInput = z.output<typeof mergeCategorySchema>;

export const deleteCategoryQuerySchema = z.object({ reassignTo: queryId('category').optional() });
export type DeleteCategoryQuery = z.output<typeof deleteCategoryQuerySchema>;

export const adminCategoryView = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  /** Every post filed here, drafts and scheduled ones included. */
  postCount: z.number().int(),
});
export type AdminCategoryView = z.infer<typeof adminCategoryView>;
