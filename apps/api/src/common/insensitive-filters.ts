/*
 * Case-insensitive string filters for Prisma. On PostgreSQL Prisma turns `mode: 'insensitive'`
 * into an ILIKE, where `%` and `_` are wildcards: they are escaped here (with `\`, ILIKE's escape
 * character) so a typed value only matches itself.
 */
function escapeLikeWildcards(value: string): string {
  return value.replace(/[\\%_]/g, '\\$&');
}

export function insensitiveEquals(value: string): { equals: string; mode: 'insensitive' } {
  return { equals: escapeLikeWildcards(value), mode: 'insensitive' };
}

export function insensitiveContains(value: string): { contains: string; mode: 'insensitive' } {
  return { contains: escapeLikeWildcards(value), mode: 'insensitive' };
}
