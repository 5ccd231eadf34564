import { type Logger } from 'pino';
import { type ApiReads } from './lib/api-reads.server.js';
import { type SharedReads } from './lib/shared-reads.server.js';

/*
 * What the server (server/main.ts) hands every loader and action. Configuration is read once
 * there, never inside a route; `apiFor(context)` (api-client.server.ts) turns apiUrl into the client.
 */
declare module '@remix-run/node' {
  interface AppLoadContext {
    /** Base URL of the Inkwell API, without a trailing slash. */
    apiUrl: string;
    /** How long a call to the API may take before the page answers 504 (API_TIMEOUT_MS). */
    apiTimeoutMs: number;
    /** Public URL of this site, for canonical links, feeds and the sitemap. */
    siteUrl: string;
    /** The visitor's address, forwarded to the API with comments for moderation. */
    clientIp: string | undefined;
    /** This request's id (the edge's `X-Request-Id`, or a new one), sent on every API call. */
    requestId: string;
    /** The request's logger: each line carries its id. */
    log: Logger;
    /** The static bundles' manifest.json (bundles.json, built by `npm run bundles:build`). */
    bundleManifestPath: string;
    /** What this request's API reads said about caching (lib/api-reads.server.ts). */
    apiReads: ApiReads;
    /**
     * The reads every page makes alike, kept across requests until a write drops their tags
     * (lib/shared-reads.server.ts); unset in development, which reads the API every time.
     */
    sharedReads: SharedReads | undefined;
    /** The build's version, part of every page's ETag; unset in development (no ETags). */
    pageVersion: string | undefined;
    /** Tells the server's API gate (server/api-gate.ts) a loader found the API unreachable. */
    reportApiUnreachable: () => void;
    /** This response's Content-Security-Policy nonce, for the inline scripts Remix renders. */
    cspNonce: string;
    /** Signs the admin session cookie: SESSION_SECRET, or the one kept in DATA_DIR. */
    sessionSecret: string;
    /**
     * A document render's values kept out of its inline data (lib/markup-only.ts); unset for
     * data requests, which carry everything as data.
     */
    markupOnly: Map<string, unknown> | undefined;
  }
  interface Future {
    v3_singleFetch: true;
  }
}
