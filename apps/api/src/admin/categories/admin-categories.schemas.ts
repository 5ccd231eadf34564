import { z } from 'zod';
import { bodyId, queryId } from '../../common/ids.js';
import { slugField } from '../common/slug-field.js';

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

export const deleteCategoryQuerySchema = z.object({
  reassignTo: queryId('category').optional(),
});
