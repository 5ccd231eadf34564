import { randomBytes } from 'node:crypto';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@inkwell/contract';
import { type PrismaClient } from '@inkwell/prisma';
import { NotFoundError } from '../common/not-found.js';
import { ValidationError } from '../common/validation.js';
import { hashPassword, type ScryptParameters } from './password-hash.js';

/** 120 random bits as 20 URL-safe characters: shown once, to be changed or stored in a manager. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

/** Throws a ValidationError naming `field` when the password is too short or too long. */
export function checkPasswordStrength(password: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new ValidationError({ [field]: `must be at least ${MIN_PASSWORD_LENGTH} characters` });
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new ValidationError({ [field]: `must be at most ${MAX_PASSWORD_LENGTH} characters` });
  }
}

export interface SetPasswordOptions {
  /** The one session that stays signed in (the user changing their own password); else none. */
  keepSessionId?: number;
  scrypt?: ScryptParameters;
}

/**
 * Stores a new password and ends the user's sessions in one transaction, so a session opened
 * with the old password (someone who learnt it) does not outlive the change.
 */
export async function setPassword(
  prisma: Pick<PrismaClient, '$transaction'>,
  userId: number,
  password: string,
  options: SetPasswordOptions = {},
): Promise<void> {
  checkPasswordStrength(password);
  const passwordHash = await hashPassword(password, options.scrypt);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId }, data: { passwordHash } });
    if (count === 0) throw new NotFoundError(`No user has the id ${userId}`);
    await tx.session.deleteMany({
      where: {
        userId,
        ...(options.keepSessionId === undefined ? {} : { id: { not: options.keepSessionId } }),
      },
    });
  });
}
