import { z } from 'zod';
import {
  isoDateTime,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  newPasswordField,
} from './fields.js';
import { siteDescriptionField, siteTitleField } from './settings.js';

export const role = z.enum(['ADMIN', 'AUTHOR'], { error: 'must be ADMIN or AUTHOR' });
export type Role = z.infer<typeof role>;

/** POST /api/admin/session. */
export const loginSchema = z.object(
  {
    email: z.string({ error: 'is required' }).trim().min(3, 'is required').max(254, 'is too long'),
    password: z.string({ error: 'is required' }).min(1, 'is required').max(1024, 'is too long'),
  },
  { error: 'must be a JSON object' },
);
export type LoginInput = z.output<typeof loginSchema>;

export const sessionUser = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role,
});
export type SessionUser = z.infer<typeof sessionUser>;

/** A new session: the bearer token and the CSRF token every write must echo. */
export const loginResult = z.object({
  token: z.string(),
  csrfToken: z.string(),
  user: sessionUser,
  expiresAt: isoDateTime,
});
export type LoginResult = z.infer<typeof loginResult>;

export const sessionView = z.object({ user: sessionUser, expiresAt: isoDateTime });
export type SessionView = z.infer<typeof sessionView>;

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

export const setupStatus = z.object({ required: z.boolean() });

/** PUT /api/admin/account/password. */
export const changeOwnPasswordSchema = z.object(
  {
    currentPassword: z
      .string({ error: 'is required' })
      .min(1, 'is required')
      .max(MAX_PASSWORD_LENGTH, 'is too long'),
    newPassword: newPasswordField,
  },
  { error: 'must be a JSON object' },
);
export type ChangeOwnPasswordInput = z.output<typeof changeOwnPasswordSchema>;
