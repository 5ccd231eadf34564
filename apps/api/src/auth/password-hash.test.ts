import { expect, test } from 'vitest';
import {
  DEFAULT_SCRYPT_PARAMETERS,
  hashPassword,
  needsRehash,
  unknownUserHash,
  verifyPassword,
} from './password-hash.js';

const cheap = { N: 2 ** 10, r: 8, p: 1 };

test('a hash verifies its password and no other', async () => {
  const stored = await hashPassword('correct horse battery', cheap);
  expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
  expect(await verifyPassword('correct horse battery', stored)).toBe(true);
  expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
});

test('each hash has its own salt', async () => {
  const [a, b] = await Promise.all([hashPassword('same', cheap), hashPassword('same', cheap)]);
  expect(a).not.toBe(b);
});

test('the stored parameters are the ones used to verify', async () => {
  const stored = await hashPassword('pw-1234567', { N: 2 ** 11, r: 4, p: 2 });
  expect(stored.startsWith('scrypt$2048$4$2$')).toBe(true);
  expect(await verifyPassword('pw-1234567', stored)).toBe(true);
});

test('malformed hashes and the unknown-user hash never match', async () => {
  for (const stored of ['', 'bcrypt$x', 'scrypt$abc$8$1$c2FsdA$aGFzaA', unknownUserHash(cheap)]) {
    expect(await verifyPassword('anything', stored)).toBe(false);
  }
});

test("OWASP's scrypt parameters by default: N=2^17, r=8, p=1", () => {
  expect(DEFAULT_SCRYPT_PARAMETERS).toEqual({ N: 2 ** 17, r: 8, p: 1 });
});

test('a hash made with other parameters than the current ones needs a rehash', async () => {
  const stored = await hashPassword('pw-1234567', cheap);
  expect(needsRehash(stored, cheap)).toBe(false);
  expect(needsRehash(stored, { ...cheap, N: 2 ** 11 })).toBe(true);
  expect(needsRehash(stored, { ...cheap, r: 4 })).toBe(true);
});
