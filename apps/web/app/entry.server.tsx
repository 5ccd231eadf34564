import {
  type AppLoadContext,
  type EntryContext,
  type HandleDataRequestFunction,
  type HandleErrorFunction,
} from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { renderToPipeableStream } from 'react-dom/server';
import { isApiUnreachable } from './lib/api-unreachable.js';
import { isNotModified, pageKey } from './lib/api-reads.server.js';
import { PRIVATE_NO_STORE, PUBLIC_PAGE_CACHE } from './lib/cache-control.js';
import { collectBody } from './lib/collected-body.server.js';
import { uncachedDataResponse } from './lib/headers.js';
import { MarkupOnlyProvider } from './lib/markup-only.js';
import { NonceProvider } from './lib/nonce.js';

/*
 * Remix's default server entry, kept small, plus the pages' cache headers: public pages name
 * their cache tags and answer If-None-Match (`settleCacheHeaders`), and data requests never
 * inherit a page's public Cache-Control (`handleDataRequest`, see lib/headers.ts); and the CSP
 * nonce handed to every inline script React and Remix render (server/security-headers.ts); and
 * the values a document renders but keeps out of its inline data (lib/markup-only.ts).
 */

const ABORT_DELAY_MS = 5_000;

export const handleDataRequest: HandleDataRequestFunction = (response) =>
  uncachedDataResponse(response);

/**
 * Remix's default error report, except for an API that went away between the server's check
 * and a loader's call: one line instead of a stack, and the server's gate (server/api-gate.ts)
 * checks again, answering 503 from the next request on.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  if (isApiUnreachable(error)) {
    context.reportApiUnreachable();
    context.log.warn(`API not reachable while rendering ${new URL(request.url).pathname}`);
    return;
  }
  context.log.error({ err: error }, 'Rendering failed');
};

/**
 * A page its loader declared public (PUBLIC_PAGE_CACHE) gets the cache tags, ETag and shared
 * max-age of the API reads it was built from; any other document is `private, no-store`, so a
 * CDN never keeps what a route did not declare shareable. Returns true when the request's
 * If-None-Match already names this version.
 */
function settleCacheHeaders(
  request: Request,
  status: number,
  headers: Headers,
  context: AppLoadContext,
): boolean {
  if (status !== 200 || headers.get('Cache-Control') !== PUBLIC_PAGE_CACHE) {
    if (status !== 200 || !headers.has('Cache-Control'))
      headers.set('Cache-Control', PRIVATE_NO_STORE);
    return false;
  }
  const cacheHeaders = context.apiReads.publicHeaders(pageKey(context.pageVersion, request));
  for (const [name, value] of Object.entries(cacheHeaders)) headers.set(name, value);
  return isNotModified(request, cacheHeaders.ETag);
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
): Promise<Response> {
  if (settleCacheHeaders(request, responseStatusCode, responseHeaders, loadContext)) {
    return Promise.resolve(new Response(null, { status: 304, headers: responseHeaders }));
  }
  const nonce = loadContext.cspNonce;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <MarkupOnlyProvider value={loadContext.markupOnly}>
          <RemixServer
            context={remixContext}
            url={request.url}
            abortDelay={ABORT_DELAY_MS}
            nonce={nonce}
          />
        </MarkupOnlyProvider>
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          // Nothing is left to cut short: the timer would only keep this render alive.
          clearTimeout(abortTimer);
          pipe(
            collectBody((body) => {
              responseHeaders.set('Content-Type', 'text/html');
              resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
            }),
          );
        },
        onShellError(error: unknown) {
          clearTimeout(abortTimer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell reject above and are logged by Remix.
          if (shellRendered) loadContext.log.error({ err: error }, 'Rendering failed');
        },
      },
    );
    const abortTimer = setTimeout(abort, ABORT_DELAY_MS);
  });
}
