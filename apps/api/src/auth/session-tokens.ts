import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: the bearer token and the CSRF token. */
export function newRandomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the Session table keeps instead of the token: a database leak gives no usable token. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const SESSION_LIFETIME_MS = 30 * 86_400_000;
/** The sliding expiry is pushed forward at most this often, so most requests write nothing. */
export const SESSION_REFRESH_INTERVAL_MS = 3_600_000;

export function shouldExtendSession(expiresAt: Date, now: Date): boolean {
  return expiresAt.getTime() - now.getTime() < SESSION_LIFETIME_MS - SESSION_REFRESH_INTERVAL_MS;
}
