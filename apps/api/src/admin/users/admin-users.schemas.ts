import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../../auth/create-user.js';
import { MAX_PASSWORD_LENGTH } from '../../auth/set-password.js';

const role = z.enum(['ADMIN', 'AUTHOR'], { error: 'must be ADMIN or AUTHOR' });

const name = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');

/** A password someone typed: the same bounds as `npm run user:create`. */
export const newPasswordField = z
  .string({ error: 'must be text' })
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);

export const createUserSchema = z.object(
  {
    email: z
      .string({ error: 'is required' })
      .trim()
      .toLowerCase()
      .max(254, 'must be at most 254 characters')
      .pipe(z.email({ error: 'must be a valid email address' })),
    name: name.optional(),
    role,
    /** Omitted: a password is generated and answered once. */
    password: newPasswordField.optional(),
  },
  { error: 'must be a JSON object' },
);
export type CreateUserInput = z.output<typeof createUserSchema>;

export const updateUserSchema = z
  .object(
    {
      name: name.optional(),
      role: role.optional(),
      /** true: no sign-in and every session ends; false: enabled again. */
      disabled: z.boolean({ error: 'must be true or false' }).optional(),
    },
    { error: 'must be a JSON object' },
  )
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    error: 'must name at least one of name, role, disabled',
  });
export type UpdateUserInput = z.output<typeof updateUserSchema>;

export const resetPasswordSchema = z
  .object({ password: newPasswordField.optional() }, { error: 'must be a JSON object' })
  .optional()
  .transform((input) => input ?? {});
export type ResetPasswordInput = z.output<typeof resetPasswordSchema>;

export const deleteUserQuerySchema = z.object({
  reassignTo: z
    .string()
    .regex(/^\d{1,10}$/, 'must be a user id')
    .transform(Number)
    .optional(),
});
