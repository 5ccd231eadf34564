import { Inject, Injectable } from '@nestjs/common';
import { type PrismaClient, type Role } from '@inkwell/prisma';
import { normalizeEmail } from '../common/email.js';
import { PRISMA } from '../core/tokens.js';
import { UnauthorizedError } from './auth.errors.js';
import { LoginThrottle } from './login-throttle.js';
import { UNKNOWN_USER_HASH, verifyPassword } from './password-hash.js';
import { type CounterStore } from './rate-limit/counter-store.js';
import { RATE_LIMIT_STORE } from './rate-limit/tokens.js';
import {
  hashSessionToken,
  newRandomToken,
  SESSION_LIFETIME_MS,
  shouldExtendSession,
} from './session-tokens.js';

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
}

export interface AdminSession {
  sessionId: number;
  user: SessionUser;
  csrfToken: string;
  expiresAt: Date;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  user: SessionUser;
  expiresAt: string;
}

export interface LoginOrigin {
  ip: string;
  userAgent: string | null;
}

const userSelect = { id: true, email: true, name: true, role: true } as const;

@Injectable()
export class AuthService {
  private readonly throttle: LoginThrottle;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(RATE_LIMIT_STORE) store: CounterStore,
  ) {
    this.throttle = new LoginThrottle(store);
  }

  /** Checks the password and opens a new session (a fresh token on every login). */
  async login(typedEmail: string, password: string, origin: LoginOrigin): Promise<LoginResult> {
    const email = normalizeEmail(typedEmail);
    const user = await this.throttle.attempt(origin.ip, email, async () => {
      const found = await this.prisma.user.findUnique({
        where: { email },
        select: { ...userSelect, passwordHash: true, disabledAt: true },
      });
      const valid = await verifyPassword(password, found?.passwordHash ?? UNKNOWN_USER_HASH);
      return found && valid ? found : null;
    });
    if (!user) throw new UnauthorizedError('Wrong email or password');
    // Said only to someone who knows the password: a disabled account is not a wrong password.
    if (user.disabledAt) throw new UnauthorizedError('This account is disabled: ask an admin');
    const token = newRandomToken();
    const csrfToken = newRandomToken();
    const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
    // Expired sessions are swept at the user's next login, so the table stays small.
    await this.prisma.session.deleteMany({
      where: { userId: user.id, expiresAt: { lt: new Date() } },
    });
    await this.prisma.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await this.prisma.session.create({
      data: {
        tokenHash: hashSessionToken(token),
        csrfToken,
        userId: user.id,
        expiresAt,
        ipAddress: origin.ip.slice(0, 64),
        userAgent: origin.userAgent?.slice(0, 512) ?? null,
      },
    });
    const { passwordHash: _, disabledAt: __, ...sessionUser } = user;
    return { token, csrfToken, user: sessionUser, expiresAt: expiresAt.toISOString() };
  }

  /** The live session for a bearer token, or null; slides its expiry forward (at most hourly). */
  async authenticate(token: string): Promise<AdminSession | null> {
    const session = await this.prisma.session.findUnique({
      where: { tokenHash: hashSessionToken(token) },
      select: { id: true, csrfToken: true, expiresAt: true, user: { select: userSelect } },
    });
    const now = new Date();
    if (!session || session.expiresAt <= now) return null;
    let expiresAt = session.expiresAt;
    if (shouldExtendSession(expiresAt, now)) {
      expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
      await this.prisma.session.update({
        where: { id: session.id },
        data: { expiresAt, lastUsedAt: now },
      });
    }
    return { sessionId: session.id, user: session.user, csrfToken: session.csrfToken, expiresAt };
  }

  async logout(sessionId: number): Promise<void> {
    await this.prisma.session.deleteMany({ where: { id: sessionId } });
  }

  async logoutEverywhere(userId: number): Promise<void> {
    await this.prisma.session.deleteMany({ where: { userId } });
  }
}
