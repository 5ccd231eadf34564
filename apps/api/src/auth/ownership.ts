import { type SessionUser } from '@inkwell/contract';
import { ForbiddenError } from './auth.errors.js';

/** Who is acting or looking: views say what this user may do. */
export type Viewer = Pick<SessionUser, 'id' | 'role'>;

/** Admins change everything; an author only what they own (an owner-less row is the admins'). */
export function mayChange(user: Viewer, ownerId: number | null): boolean {
  return user.role === 'ADMIN' || (ownerId !== null && ownerId === user.id);
}

export function assertMayChange(user: Viewer, ownerId: number | null, refusal: string): void {
  if (!mayChange(user, ownerId)) throw new ForbiddenError(refusal);
}
