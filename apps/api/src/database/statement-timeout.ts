/** PostgreSQL's SQLSTATE for a statement cancelled by `statement_timeout`. */
const QUERY_CANCELED = '57014';

/**
 * Whether a database call failed because it ran past the statement timeout. `pg` reports the
 * SQLSTATE as `code`; Prisma wraps it in its own error, with the driver's error under `meta`.
 */
export function isStatementTimeout(error: unknown): boolean {
  const candidate = error as {
    code?: unknown;
    meta?: { driverAdapterError?: { cause?: { code?: unknown } } };
  } | null;
  return (
    candidate?.code === QUERY_CANCELED ||
    candidate?.meta?.driverAdapterError?.cause?.code === QUERY_CANCELED
  );
}
