import {
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Inject,
  Injectable,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Role } from '@inkwell/prisma';
import {
  ADMIN_ROLES_KEY,
  ANY_ADMIN_ROLE,
  assertAdminAccess,
  CSRF_HEADER,
  PUBLIC_ADMIN_ROUTE_KEY,
  readBearerToken,
} from './admin-access.js';
import { UnauthorizedError } from './auth.errors.js';
import { type AdminSession, AuthService } from './auth.service.js';

interface AdminRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  adminSession?: AdminSession;
}

function header(request: AdminRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** On every admin controller: 401 without a live session, 403 without the role or the CSRF token. */
@Injectable()
export class AdminAuthGuard implements CanActivate {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ADMIN_ROUTE_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AdminRequest>();
    const token = readBearerToken(header(request, 'authorization'));
    const session = token ? await this.auth.authenticate(token) : null;
    if (!session) {
      throw new UnauthorizedError('Sign in first: send Authorization: Bearer <session token>');
    }
    const roles =
      this.reflector.getAllAndOverride<Role[]>(ADMIN_ROLES_KEY, targets) ?? ANY_ADMIN_ROLE;
    assertAdminAccess(
      session,
      { method: request.method, csrfToken: header(request, CSRF_HEADER) },
      roles,
    );
    request.adminSession = session;
    return true;
  }
}

/** The session the guard found: `@CurrentSession() session: AdminSession`. */
export const CurrentSession = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AdminSession => {
    const session = context.switchToHttp().getRequest<AdminRequest>().adminSession;
    if (!session) throw new UnauthorizedError('Sign in first');
    return session;
  },
);
