import { Body, Delete, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import {
  type LoginInput,
  type LoginResult,
  loginSchema,
  type SessionUser,
} from '@inkwell/contract';
import { ZodPipe } from '../common/validation.js';
import { AdminController } from './admin-controller.decorator.js';
import { PublicAdminRoute } from './admin-access.js';
import { CurrentSession } from './admin-auth.guard.js';
import { type AdminSession, AuthService } from './auth.service.js';

interface RequestLike {
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}

@AdminController('api/admin')
export class SessionController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Post('session')
  @PublicAdminRoute()
  login(
    @Body(new ZodPipe(loginSchema)) input: LoginInput,
    @Req() request: RequestLike,
  ): Promise<LoginResult> {
    const userAgent = request.headers['user-agent'];
    return this.auth.login(input.email, input.password, {
      ip: request.ip ?? 'unknown',
      userAgent: typeof userAgent === 'string' ? userAgent : null,
    });
  }

  /** No CSRF token here: only its hash is stored; the client keeps the one login answered. */
  @Get('session')
  current(@CurrentSession() session: AdminSession): { user: SessionUser; expiresAt: string } {
    return { user: session.user, expiresAt: session.expiresAt.toISOString() };
  }

  @Delete('session')
  @HttpCode(204)
  async logout(@CurrentSession() session: AdminSession): Promise<void> {
    await this.auth.logout(session.sessionId);
  }

  @Delete('sessions')
  @HttpCode(204)
  async logoutEverywhere(@CurrentSession() session: AdminSession): Promise<void> {
    await this.auth.logoutEverywhere(session.user.id);
  }
}
