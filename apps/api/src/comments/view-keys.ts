import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/*
 * A held comment's view key: 128 random bits given once to the visitor who wrote it, so the site
 * can show them their comment while it waits. Only its SHA-256 is stored: the database alone
 * cannot show a held comment to anyone.
 */

export interface ViewKey {
  key: string;
  hash: string;
}

export function hashViewKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function newViewKey(): ViewKey {
  const key = randomBytes(16).toString('base64url');
  return { key, hash: hashViewKey(key) };
}

/** Whether `key` is the one whose hash was stored (compared in constant time). */
export function matchesViewKey(key: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const given = Buffer.from(hashViewKey(key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
