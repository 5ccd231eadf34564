import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '../../auth/set-password.js';
import { newPasswordField } from '../users/admin-users.schemas.js';

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
