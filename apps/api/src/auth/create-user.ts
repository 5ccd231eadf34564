import { MIN_PASSWORD_LENGTH } from '@inkwell/contract';
import { type PrismaClient, type Role } from '@inkwell/prisma';
import { ValidationError } from '../common/validation.js';
import { normalizeEmail } from '../common/email.js';
import { firstFreeSlug, slugFromText } from '../slugs/slugs.js';
import { hashPassword, type ScryptParameters } from './password-hash.js';

export interface NewUser {
  email: string;
  name?: string;
  /** Default: ADMIN for the very first user, AUTHOR after that. */
  role?: Role;
  password: string;
}

export interface CreatedUser {
  id: number;
  email: string;
  name: string;
  role: Role;
}

/** The email belongs to another user: a 400 at the CLI, a 409 in the admin API. */
export class EmailTakenError extends ValidationError {
  constructor() {
    super({ email: 'already has an account' });
  }
}

/**
 * Serializes whatever may create the first user (the browser setup, `user:create`) across
 * connections and processes, so a site never gets two first admins.
 */
const FIRST_USER_LOCK_KEY = 7_362_810_116;

/** Takes the first-user lock for the rest of the transaction `tx`. */
export async function lockFirstUser(tx: Pick<PrismaClient, '$executeRaw'>): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_USER_LOCK_KEY})`;
}

/** `createUser` under the first-user lock: of concurrent callers exactly one can be first. */
export function createUserExclusively(
  prisma: PrismaClient,
  input: NewUser,
  scrypt?: ScryptParameters,
): Promise<CreatedUser> {
  return prisma.$transaction(
    async (tx) => {
      await lockFirstUser(tx);
      return createUser(tx, input, scrypt);
    },
    { maxWait: 15_000, timeout: 30_000 },
  );
}

/**
 * The address of a new user's author page, from their name (`ada-lovelace`, `ada-lovelace-2`…).
 * Two users created at the same instant with one name: the second meets the unique index.
 */
async function freeAuthorSlug(prisma: Pick<PrismaClient, 'user'>, name: string): Promise<string> {
  return firstFreeSlug(slugFromText(name, 'author'), async (prefix) => {
    const rows = await prisma.user.findMany({
      where: { slug: { startsWith: prefix } },
      select: { slug: true },
    });
    return rows.flatMap((row) => (row.slug ? [row.slug] : []));
  });
}

/** Adds a user with a scrypt-hashed password; the first user of a site is always its admin. */
export async function createUser(
  prisma: Pick<PrismaClient, 'user'>,
  input: NewUser,
  scrypt?: ScryptParameters,
): Promise<CreatedUser> {
  const email = normalizeEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
    throw new ValidationError({ email: 'must be a valid email address' });
  }
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new ValidationError({ password: `must be at least ${MIN_PASSWORD_LENGTH} characters` });
  }
  if (await prisma.user.findUnique({ where: { email } })) {
    throw new EmailTakenError();
  }
  const isFirstUser = (await prisma.user.count()) === 0;
  const name = input.name?.trim() || email.split('@')[0]!;
  return prisma.user.create({
    data: {
      email,
      name,
      slug: await freeAuthorSlug(prisma, name),
      role: isFirstUser ? 'ADMIN' : (input.role ?? 'AUTHOR'),
      passwordHash: await hashPassword(input.password, scrypt),
    },
    select: { id: true, email: true, name: true, role: true },
  });
}
