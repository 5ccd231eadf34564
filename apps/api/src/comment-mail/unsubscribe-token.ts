import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { type PrismaClient } from '@inkwell/prisma';

/**
 * One-click unsubscribe links: `<comment id>.<HMAC-SHA256 of it>`, keyed by a secret the API
 * generates once in the database (every API process signs and checks with the same key).
 */
const PURPOSE = 'unsubscribe-replies';

function signature(secret: string, commentId: number): string {
  return createHmac('sha256', secret).update(`${PURPOSE}:${commentId}`).digest('base64url');
}

export function signUnsubscribeToken(secret: string, commentId: number): string {
  return `${commentId}.${signature(secret, commentId)}`;
}

/** The comment id a token was signed for, or null for a forged, altered or malformed one. */
export function verifyUnsubscribeToken(secret: string, token: string): number | null {
  const match = /^(\d{1,9})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const commentId = Number(match[1]);
  const expected = Buffer.from(signature(secret, commentId));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? commentId : null;
}

/** The named secret, created on first use; two processes racing keep the first one written. */
export async function signingSecret(prisma: PrismaClient, name: string): Promise<string> {
  await prisma.signingKey.createMany({
    data: [{ name, secret: randomBytes(32).toString('base64url') }],
    skipDuplicates: true,
  });
  const row = await prisma.signingKey.findUniqueOrThrow({ where: { name } });
  return row.secret;
}
