import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../auth/create-user.js';
import { siteDescriptionField, siteTitleField } from '../settings/settings.schemas.js';

/** POST /api/admin/setup: the site and its owner, in one go. */
export const setupSchema = z.object(
  {
    title: siteTitleField,
    description: siteDescriptionField.default(''),
    name: z
      .string({ error: 'is required' })
      .trim()
      .min(1, 'is required')
      .max(100, 'must be at most 100 characters'),
    email: z
      .string({ error: 'is required' })
      .trim()
      .toLowerCase()
      .max(254, 'is too long')
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be a valid email address'),
    password: z
      .string({ error: 'is required' })
      .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(1024, 'is too long'),
    demoContent: z.enum(['keep', 'remove'], { error: 'must be keep or remove' }),
  },
  { error: 'must be a JSON object' },
);

export type SetupInput = z.output<typeof setupSchema>;
