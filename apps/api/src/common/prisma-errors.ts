/** Prisma's "unique constraint failed" (P2002): a race lost between our check and the write. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2002';
}
