import { z } from 'zod';
import { isoDateTime, newPasswordField } from './fields.js';
import { role } from './session.js';

const name = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');

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
export type DeleteUserQuery = z.output<typeof deleteUserQuerySchema>;

export const adminUserView = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role,
  status: z.enum(['active', 'disabled']),
  /** Failed logins delay this account's sign-in (from some address) until the wait ends or an admin unlocks it. */
  locked: z.boolean(),
  lastSignInAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  postCount: z.number().int(),
});
export type AdminUserView = z.infer<typeof adminUserView>;

/** A password the API made: answered once, never stored in the clear nor shown again. */
export const userWithGeneratedPassword = adminUserView.extend({
  generatedPassword: z.string().nullable(),
});
export type WithGeneratedPassword = { generatedPassword: string | null };
