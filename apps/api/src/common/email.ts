/**
 * Emails are stored and compared in this form, so an exact `=` finds them. (Prisma's
 * case-insensitive `equals` is an ILIKE, where a typed `%` or `_` would match other addresses.)
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
