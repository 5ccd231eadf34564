import { type NextFunction, type Request, type Response } from 'express';
import { cspNonceOf } from './security-headers.js';

/*
 * While the API is starting or down, every page would fail in its loader and answer a 500 with
 * a stack in the log. The gate checks the API first and answers a short 503 page instead, with
 * Retry-After and a refresh, so a reader who arrives early simply waits a few seconds. A
 * reachable API is trusted for `trustMs`; an unreachable one is checked again on each request
 * (concurrent requests share one check), so the site recovers without a restart.
 */

export interface ApiGateOptions {
  apiUrl: string;
  /** How long a successful check is trusted before a request checks again. */
  trustMs?: number;
  /** How long a check waits for the API's answer. */
  timeoutMs?: number;
  /** Seconds a reader (and their browser) is asked to wait before trying again. */
  retryAfterSeconds?: number;
  log?: (line: string) => void;
  now?: () => number;
}

export interface ApiGate {
  middleware(req: Request, res: Response, next: NextFunction): void;
  /** A loader could not reach the API: the next request checks again instead of trusting. */
  reportUnreachable(): void;
}

/** Answers of a proxy in front of an API that is not there. */
const GATEWAY_FAILURES = new Set([502, 503, 504]);

export function createApiGate(options: ApiGateOptions): ApiGate {
  const { apiUrl, trustMs = 2_000, timeoutMs = 1_000, retryAfterSeconds = 5 } = options;
  const log = options.log ?? ((line: string) => console.warn(line));
  const now = options.now ?? Date.now;
  const heartbeatUrl = `${apiUrl}/__lbheartbeat__`;
  let reachableAt: number | undefined;
  let state: 'unknown' | 'up' | 'down' = 'unknown';
  let pending: Promise<boolean> | undefined;

  async function probe(): Promise<boolean> {
    try {
      const response = await fetch(heartbeatUrl, { signal: AbortSignal.timeout(timeoutMs) });
      await response.body?.cancel();
      return !GATEWAY_FAILURES.has(response.status);
    } catch {
      return false;
    }
  }

  function check(): Promise<boolean> {
    pending ??= probe().then((reachable) => {
      pending = undefined;
      if (reachable) {
        reachableAt = now();
        if (state === 'down') log(`API reachable again at ${apiUrl}`);
      } else {
        reachableAt = undefined;
        if (state !== 'down') log(`API not reachable at ${apiUrl}: pages answer 503 until it is`);
      }
      state = reachable ? 'up' : 'down';
      return reachable;
    });
    return pending;
  }

  return {
    middleware(_req, res, next) {
      if (reachableAt !== undefined && now() - reachableAt < trustMs) return next();
      check().then(
        (reachable) => (reachable ? next() : sendUnavailable(res, retryAfterSeconds)),
        next,
      );
    },
    reportUnreachable() {
      reachableAt = undefined;
    },
  };
}

function sendUnavailable(res: Response, retryAfterSeconds: number): void {
  res
    .status(503)
    .set({
      'Retry-After': String(retryAfterSeconds),
      'Cache-Control': 'no-store',
      'Content-Type': 'text/html; charset=utf-8',
    })
    .send(unavailablePage(retryAfterSeconds, cspNonceOf(res)));
}

/** `nonce`: the response's CSP nonce (server/security-headers.ts), for the inline style. */
function unavailablePage(retryAfterSeconds: number, nonce: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${retryAfterSeconds}">
<title>Starting up · Inkwell</title>
<style nonce="${nonce}">
body { font: 1.125rem/1.6 system-ui, sans-serif; max-width: 32rem; margin: 20vh auto; padding: 0 1rem; color: #222; background: #fff; }
@media (prefers-color-scheme: dark) { body { color: #ddd; background: #111; } }
</style>
</head>
<body>
<main>
<h1>Just a moment</h1>
<p>The site is starting up or briefly unavailable. This page will try again in ${retryAfterSeconds} seconds.</p>
</main>
</body>
</html>
`;
}
