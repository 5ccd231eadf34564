import { SetMetadata } from '@nestjs/common';
import { type Role } from '@inkwell/prisma';
import { ForbiddenError } from './auth.errors.js';
import { type AdminSession } from './auth.service.js';
import { matchesTokenHash } from './session-tokens.js';

export const ADMIN_ROLES_KEY = 'inkwell:admin-roles';
export const PUBLIC_ADMIN_ROUTE_KEY = 'inkwell:admin-public-route';

/** Every signed-in role may use a route unless the route or its controller narrows it. */
export const ANY_ADMIN_ROLE: Role[] = ['ADMIN', 'AUTHOR'];

/** `@AllowRoles('ADMIN')` on a controller or a handler (the handler's wins). */
export const AllowRoles = (...roles: Role[]) => SetMetadata(ADMIN_ROLES_KEY, roles);

/** Admin routes open without a session: logging in, and the first-run setup. */
export const PublicAdminRoute = () => SetMetadata(PUBLIC_ADMIN_ROUTE_KEY, true);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const CSRF_HEADER = 'x-csrf-token';

/** `Authorization: Bearer <token>` -> the token, or null. */
export function readBearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header?.trim() ?? '');
  return match?.[1] ?? null;
}

/** After authentication: the role must be allowed, and a write must carry the session's CSRF token. */
export function assertAdminAccess(
  session: AdminSession,
  request: { method: string; csrfToken: string | undefined },
  roles: Role[],
): void {
  if (!roles.includes(session.user.role)) {
    throw new ForbiddenError(`This needs the ${roles.join(' or ')} role`);
  }
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  if (!request.csrfToken || !matchesTokenHash(request.csrfToken, session.csrfTokenHash)) {
    throw new ForbiddenError(
      "Missing or invalid CSRF token (send the session's csrfToken in the X-CSRF-Token header)",
    );
  }
}
