import { type HeadersFunction } from '@remix-run/node';
import { PRIVATE_NO_STORE } from './cache-control.js';

/**
 * Document headers of a page: the Cache-Control its action chose (an error answer is private)
 * or else the one its loader chose. Pages that set neither stay uncached by default.
 */
export const pageHeaders: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const cacheControl = actionHeaders.get('Cache-Control') ?? loaderHeaders.get('Cache-Control');
  return cacheControl ? { 'Cache-Control': cacheControl } : new Headers();
};

/**
 * For `handleDataRequest` (entry.server.tsx): the client-side data fetch (`<path>.data`) of a
 * navigation or revalidation is never stored by the browser or a proxy, whatever the page's
 * own Cache-Control, so refetching comments after a live hint always reaches the server.
 */
export function uncachedDataResponse(response: Response): Response {
  response.headers.set('Cache-Control', PRIVATE_NO_STORE);
  return response;
}
