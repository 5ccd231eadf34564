/** Socket errors that mean nothing answered at the API's address (as opposed to a bad answer). */
const CONNECTION_FAILURES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * True for Node's `fetch` failing to reach the API at all: a `TypeError('fetch failed')` whose
 * cause is the socket error. The API being down is a state of the site, not a bug to trace.
 */
export function isApiUnreachable(error: unknown): boolean {
  if (!(error instanceof TypeError) || !(error.cause instanceof Error)) return false;
  const code: unknown = (error.cause as Error & { code?: unknown }).code;
  return typeof code === 'string' && CONNECTION_FAILURES.has(code);
}
