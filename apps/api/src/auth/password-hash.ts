import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords are stored as `scrypt$<N>$<r>$<p>$<salt>$<hash>` (base64url): the parameters travel
 * with the hash, so raising the cost later still verifies the old hashes, and a sign-in with
 * an old hash stores a new one (`needsRehash`).
 */
export interface ScryptParameters {
  N: number;
  r: number;
  p: number;
}

/** OWASP's recommendation for scrypt: N=2^17, r=8, p=1 (128 MB and a few hundred ms per hash). */
export const DEFAULT_PASSWORD_HASH_COST = 17;

/** The parameters for `PASSWORD_HASH_COST` (log2 of N); r and p stay at OWASP's 8 and 1. */
export function scryptParametersForCost(cost: number): ScryptParameters {
  return { N: 2 ** cost, r: 8, p: 1 };
}

export const DEFAULT_SCRYPT_PARAMETERS = scryptParametersForCost(DEFAULT_PASSWORD_HASH_COST);

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function deriveKey(password: string, salt: Buffer, params: ScryptParameters): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; Node refuses anything above 32 MB unless told otherwise.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(
  password: string,
  params: ScryptParameters = DEFAULT_SCRYPT_PARAMETERS,
): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await deriveKey(password, salt, params);
  return formatHash(params, salt, key);
}

function formatHash(params: ScryptParameters, salt: Buffer, key: Buffer): string {
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

interface ParsedHash {
  params: ScryptParameters;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every((value) => Number.isInteger(value) && value > 0)) {
    return null;
  }
  const key = Buffer.from(hash, 'base64url');
  if (key.length !== KEY_LENGTH) return null;
  return { params, salt: Buffer.from(salt, 'base64url'), key };
}

/** Constant-time comparison; a malformed stored hash never matches (and never throws). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const actual = await deriveKey(password, parsed.salt, parsed.params);
  return timingSafeEqual(actual, parsed.key);
}

/** Whether a (verified) stored hash was made with other parameters than `params`. */
export function needsRehash(stored: string, params: ScryptParameters): boolean {
  const parsed = parseHash(stored);
  return (
    !parsed ||
    parsed.params.N !== params.N ||
    parsed.params.r !== params.r ||
    parsed.params.p !== params.p
  );
}

/**
 * A hash no password matches, verified for unknown emails so they take as long as known ones:
 * made with the current parameters, or an unknown email would answer faster.
 */
export function unknownUserHash(params: ScryptParameters): string {
  return formatHash(params, Buffer.alloc(SALT_LENGTH), Buffer.alloc(KEY_LENGTH));
}
