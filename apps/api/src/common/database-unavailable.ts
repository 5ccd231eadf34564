/** How long a client should wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Prisma's codes for a server it cannot reach, a dropped connection or an exhausted pool. */
const UNREACHABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1017', 'P2024']);

/** Driver adapter error kinds that mean the connection, not the query, failed. */
const UNREACHABLE_ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'DatabaseDoesNotExist',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);

/**
 * PostgreSQL SQLSTATEs of a server going away or refusing connections: class 08 (connection
 * exception), 53300 (too many connections), 57P01-57P03 (shut down, crashed, starting up), and
 * 55000 when fatal (the database does not accept connections).
 */
function isUnavailableSqlState(code: string, severity: unknown): boolean {
  return (
    code.startsWith('08') ||
    code === '53300' ||
    /^57P0[123]$/.test(code) ||
    (code === '55000' && severity === 'FATAL')
  );
}

/** Socket errors of the `pg` driver when the server is down or the network drops. */
const SOCKET_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

interface ErrorShape {
  code?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: { cause?: AdapterCause } };
  cause?: unknown;
}

interface AdapterCause {
  kind?: unknown;
  originalCode?: unknown;
  severity?: unknown;
}

/**
 * Whether `error` says the database cannot be reached right now (answered 503 with Retry-After),
 * as opposed to a query that failed (a bug, answered 500).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const shape = error as ErrorShape;
  if (typeof shape.code === 'string') {
    if (UNREACHABLE_PRISMA_CODES.has(shape.code) || SOCKET_ERROR_CODES.has(shape.code)) {
      return true;
    }
  }
  const adapterCause = shape.meta?.driverAdapterError?.cause;
  if (adapterCause) {
    if (typeof adapterCause.kind === 'string' && UNREACHABLE_ADAPTER_KINDS.has(adapterCause.kind)) {
      return true;
    }
    if (
      typeof adapterCause.originalCode === 'string' &&
      isUnavailableSqlState(adapterCause.originalCode, adapterCause.severity)
    ) {
      return true;
    }
  }
  // The embedded database after shutdown; pg's pool when a connection dies mid-query.
  if (
    shape.message === 'PGlite is closed' ||
    shape.message === 'Connection terminated unexpectedly'
  ) {
    return true;
  }
  return shape.cause !== undefined && shape.cause !== error && isDatabaseUnavailable(shape.cause);
}
