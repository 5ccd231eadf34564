import { type Prisma } from '@inkwell/prisma';
import { ForbiddenError } from '../../auth/auth.errors.js';
import { ConflictError } from '../../common/conflict.js';

type Tx = Prisma.TransactionClient;

/** What an admin may not do to their own account (another admin has to). */
export function assertNotYourself(actorId: number, targetId: number, what: string): void {
  if (actorId === targetId) {
    throw new ForbiddenError(`You cannot ${what} your own account: ask another admin`);
  }
}

/**
 * Refuses a change that would leave no active admin. The active admins' rows are locked
 * (FOR UPDATE) until the transaction ends, so two admins disabling each other at the same
 * moment cannot both succeed: the second one waits, then counts again.
 */
export async function assertAnotherActiveAdmin(
  tx: Tx,
  userId: number,
  what: string,
): Promise<void> {
  const admins = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM "User" WHERE role = 'ADMIN' AND "disabledAt" IS NULL ORDER BY id FOR UPDATE`;
  if (admins.some((admin) => admin.id === userId) && admins.length <= 1) {
    throw new ConflictError(`Cannot ${what} the last active admin: make another admin first`);
  }
}
