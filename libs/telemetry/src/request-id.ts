import { randomUUID } from 'node:crypto';

/** The header that carries a request's id from the edge through the API and back. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** What an id from a proxy may look like: a UUID, a trace id, a load balancer's token. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@=+/-]{1,128}$/;

/**
 * The id a request keeps: the one a proxy in front sent if it is sane (short, printable, one
 * header), else a new UUID. An id is only a label for logs: a forged one harms nothing.
 */
export function requestIdOf(sent: string | string[] | undefined): string {
  return typeof sent === 'string' && SANE_REQUEST_ID.test(sent) ? sent : randomUUID();
}
