/**
 * A case-insensitive equality filter for Prisma. On PostgreSQL Prisma turns
 * `{ equals, mode: 'insensitive' }` into an ILIKE, where `%` and `_` are wildcards: escaped here
 * (with `\`, ILIKE's escape character) so the value only matches itself.
 */
export function insensitiveEquals(value: string): { equals: string; mode: 'insensitive' } {
  return { equals: value.replace(/[\\%_]/g, '\\$&'), mode: 'insensitive' };
}
