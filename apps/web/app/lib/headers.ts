import { type HeadersFunction } from '@remix-run/node';

/**
 * Document headers of a page: the Cache-Control its action chose (an error answer is private)
 * or else the one its loader chose. Pages that set neither stay uncached by default.
 */
export const pageHeaders: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const cacheControl = actionHeaders.get('Cache-Control') ?? loaderHeaders.get('Cache-Control');
  return cacheControl ? { 'Cache-Control': cacheControl } : new Headers();
};
