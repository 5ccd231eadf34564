import { PassThrough } from 'node:stream';
import {
  type AppLoadContext,
  createReadableStreamFromReadable,
  type EntryContext,
  type HandleDataRequestFunction,
  type HandleErrorFunction,
} from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { isApiUnreachable } from './lib/api-unreachable.js';
import { uncachedDataResponse } from './lib/headers.js';
import { NonceProvider } from './lib/nonce.js';

/*
 * Remix's default server entry, kept small, plus `handleDataRequest` (data requests must not
 * inherit the pages' public max-age, see lib/headers.ts) and the CSP nonce handed to every
 * inline script React and Remix render (server/security-headers.ts).
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
    console.warn(`API not reachable while rendering ${new URL(request.url).pathname}`);
    return;
  }
  console.error(error);
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
): Promise<Response> {
  const nonce = loadContext.cspNonce;
  // Crawlers get the whole document at once; browsers get the shell as soon as it is ready.
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set('Content-Type', 'text/html');
      resolve(
        new Response(createReadableStreamFromReadable(body), {
          headers: responseHeaders,
          status: responseStatusCode,
        }),
      );
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer
          context={remixContext}
          url={request.url}
          abortDelay={ABORT_DELAY_MS}
          nonce={nonce}
        />
      </NonceProvider>,
      {
        nonce,
        onAllReady: waitForAll ? ready : undefined,
        onShellReady: waitForAll ? undefined : ready,
        onShellError: reject,
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell reject above and are logged by Remix.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY_MS);
  });
}
