import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe: the bearer token and the CSRF token. */
export function newRandomToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What the Session table keeps instead of a token (the bearer token and the CSRF token alike):
 * a database leak gives no usable token.
 */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether `token` is the one whose hash is stored, compared in constant time. */
export function matchesTokenHash(token: string, storedHash: string): boolean {
  const actual = Buffer.from(hashSessionToken(token), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const DAY_MS = 86_400_000;

/** The sliding expiry is pushed forward at most this often, so most requests write nothing. */
export const SESSION_REFRESH_INTERVAL_MS = 3_600_000;

/**
 * How long a session lives: `idleDays` after its last use, and never more than `absoluteDays`
 * after sign-in, however often it is used (a stolen token does not live forever).
 */
export interface SessionLifetime {
  idleDays: number;
  absoluteDays: number;
}

/** The moment a session ends whatever happens: `absoluteDays` after sign-in. */
export function absoluteExpiry(createdAt: Date, lifetime: SessionLifetime): Date {
  return new Date(createdAt.getTime() + lifetime.absoluteDays * DAY_MS);
}

/** When a session used at `now` expires: the idle window, cut at the absolute limit. */
export function sessionExpiry(createdAt: Date, now: Date, lifetime: SessionLifetime): Date {
  const idleEnd = now.getTime() + lifetime.idleDays * DAY_MS;
  return new Date(Math.min(idleEnd, absoluteExpiry(createdAt, lifetime).getTime()));
}

/** Whether the stored expiry is worth a write: it would move by more than the refresh interval. */
export function shouldExtendSession(expiresAt: Date, next: Date): boolean {
  return next.getTime() - expiresAt.getTime() > SESSION_REFRESH_INTERVAL_MS;
}
