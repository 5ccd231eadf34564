import { type SessionUser, type LoginResult } from '@inkwell/contract';
import { Inject, Injectable } from '@nestjs/common';
import { type PrismaClient } from '@inkwell/prisma';
import { normalizeEmail } from '../common/email.js';
import { type Config } from '../config/config.js';
import { CONFIG, PRISMA } from '../core/tokens.js';
import { UnauthorizedError } from './auth.errors.js';
import { LoginThrottle } from './login-throttle.js';
import {
  hashPassword,
  needsRehash,
  type ScryptParameters,
  scryptParametersForCost,
  unknownUserHash,
  verifyPassword,
} from './password-hash.js';
import { type CounterStore } from '../rate-limit/counter-store.js';
import { RATE_LIMIT_STORE } from '../rate-limit/tokens.js';
import {
  absoluteExpiry,
  hashSessionToken,
  newRandomToken,
  sessionExpiry,
  type SessionLifetime,
  shouldExtendSession,
} from './session-tokens.js';

export interface AdminSession {
  sessionId: number;
  user: SessionUser;
  /** SHA-256 (hex) of the session's CSRF token: the token itself is known only to the client. */
  csrfTokenHash: string;
  expiresAt: Date;
}

export interface LoginOrigin {
  ip: string;
  userAgent: string | null;
}

const userSelect = { id: true, email: true, name: true, role: true } as const;

@Injectable()
export class AuthService {
  private readonly throttle: LoginThrottle;
  private readonly scrypt: ScryptParameters;
  private readonly unknownUserHash: string;
  private readonly lifetime: SessionLifetime;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(RATE_LIMIT_STORE) store: CounterStore,
    @Inject(CONFIG) config: Config,
  ) {
    this.throttle = new LoginThrottle(store);
    this.scrypt = scryptParametersForCost(config.passwordHashCost);
    this.unknownUserHash = unknownUserHash(this.scrypt);
    this.lifetime = { idleDays: config.sessionIdleDays, absoluteDays: config.sessionAbsoluteDays };
  }

  /** Checks the password and opens a new session (a fresh token on every login). */
  async login(typedEmail: string, password: string, origin: LoginOrigin): Promise<LoginResult> {
    const email = normalizeEmail(typedEmail);
    const user = await this.throttle.attempt(origin.ip, email, async () => {
      const found = await this.prisma.user.findUnique({
        where: { email },
        select: { ...userSelect, passwordHash: true, disabledAt: true },
      });
      const valid = await verifyPassword(password, found?.passwordHash ?? this.unknownUserHash);
      return found && valid ? found : null;
    });
    if (!user) throw new UnauthorizedError('Wrong email or password');
    // The one moment the password is known: a hash made with older (cheaper) parameters is redone.
    const passwordHash = needsRehash(user.passwordHash, this.scrypt)
      ? await hashPassword(password, this.scrypt)
      : undefined;
    // Said only to someone who knows the password: a disabled account is not a wrong password.
    if (user.disabledAt) throw new UnauthorizedError('This account is disabled: ask an admin');
    const token = newRandomToken();
    const csrfToken = newRandomToken();
    const now = new Date();
    const expiresAt = sessionExpiry(now, now, this.lifetime);
    // Expired sessions are swept at the user's next login, so the table stays small.
    await this.prisma.session.deleteMany({
      where: { userId: user.id, expiresAt: { lt: now } },
    });
    await this.prisma.user.update({
      where: { id: user.id },
      data: { lastSignInAt: now, ...(passwordHash ? { passwordHash } : {}) },
    });
    await this.prisma.session.create({
      data: {
        tokenHash: hashSessionToken(token),
        csrfTokenHash: hashSessionToken(csrfToken),
        userId: user.id,
        createdAt: now,
        lastUsedAt: now,
        expiresAt,
        ipAddress: origin.ip.slice(0, 64),
        userAgent: origin.userAgent?.slice(0, 512) ?? null,
      },
    });
    const { passwordHash: _, disabledAt: __, ...sessionUser } = user;
    return { token, csrfToken, user: sessionUser, expiresAt: expiresAt.toISOString() };
  }

  /**
   * The live session for a bearer token, or null. Each use slides the expiry forward (written at
   * most hourly), up to the absolute limit counted from sign-in.
   */
  async authenticate(token: string): Promise<AdminSession | null> {
    const session = await this.prisma.session.findUnique({
      where: { tokenHash: hashSessionToken(token) },
      select: {
        id: true,
        csrfTokenHash: true,
        createdAt: true,
        expiresAt: true,
        user: { select: userSelect },
      },
    });
    const now = new Date();
    if (!session) return null;
    // Also cuts sessions stored before the absolute limit existed (their expiry slid further).
    const absoluteEnd = absoluteExpiry(session.createdAt, this.lifetime);
    let expiresAt = session.expiresAt < absoluteEnd ? session.expiresAt : absoluteEnd;
    if (expiresAt <= now) return null;
    const extended = sessionExpiry(session.createdAt, now, this.lifetime);
    if (shouldExtendSession(expiresAt, extended)) {
      expiresAt = extended;
      await this.prisma.session.update({
        where: { id: session.id },
        data: { expiresAt, lastUsedAt: now },
      });
    }
    return {
      sessionId: session.id,
      user: session.user,
      csrfTokenHash: session.csrfTokenHash,
      expiresAt,
    };
  }

  async logout(sessionId: number): Promise<void> {
    await this.prisma.session.deleteMany({ where: { id: sessionId } });
  }

  async logoutEverywhere(userId: number): Promise<void> {
    await this.prisma.session.deleteMany({ where: { userId } });
  }
}
