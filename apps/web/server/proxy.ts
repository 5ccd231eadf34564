import http, { type ClientRequest, type IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import { type Duplex } from 'node:stream';
import { createProxyServer } from 'http-proxy-3';

/*
 * A reverse proxy to the API (http-proxy-3) for the few paths the browser must reach on the web
 * origin: realtime long-polling and websockets, uploaded images. What it adds to the library:
 * deadlines, answering held long-polls when the server stops, and the forwarding headers.
 */

export interface ApiProxyOptions {
  /**
   * PEM certificates trusted for an https API_URL instead of Node's CAs (a private CA, or the
   * API's own self-signed certificate). Without it Node's CAs and NODE_EXTRA_CA_CERTS apply.
   */
  ca?: string;
}

export interface ForwardOptions {
  /**
   * How long the API has to start answering before the reader gets a 504. Without it the
   * request may wait as long as the API holds it (realtime long-polls wait for news), and it
   * is answered at once by `endWaiting` when the server stops.
   */
  timeoutMs?: number;
}

export interface ApiProxy {
  /** Express/connect middleware: forwards the request as-is (`originalUrl` keeps the prefix). */
  forward(
    req: IncomingMessage & { originalUrl?: string },
    res: ServerResponse,
    options?: ForwardOptions,
  ): void;
  /** For the server's `upgrade` event: tunnels a websocket handshake and its bytes. */
  tunnel(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /**
   * For a stopping server: answers the forwarded requests without a deadline (long-polls that
   * would hold the stop) with a 503; their clients reconnect to the next server.
   */
  endWaiting(): void;
}

/** Answers a forwarded request that got no answer from the API, or cuts it if one started. */
function answerInstead(res: ServerResponse, status: number, text: string): void {
  if (res.writableEnded) return;
  if (res.headersSent) res.destroy();
  else res.writeHead(status, { 'content-type': 'text/plain', connection: 'close' }).end(text);
}

/**
 * The API sees the reader's address and the site's host, that the site spoke plain http, and
 * the request's id (the one the site's logger gave it, else the one it came with).
 */
function forwardedHeaders(req: IncomingMessage): Record<string, string> {
  const requestId = req.id ?? req.headers['x-request-id'];
  return {
    ...(typeof requestId === 'string' ? { 'x-request-id': requestId } : {}),
    'x-forwarded-for': [req.headers['x-forwarded-for'], req.socket.remoteAddress]
      .filter(Boolean)
      .join(', '),
    'x-forwarded-host': req.headers.host ?? '',
    'x-forwarded-proto': 'http',
  };
}

export function createApiProxy(apiUrl: string, { ca }: ApiProxyOptions = {}): ApiProxy {
  const target = new URL(apiUrl);
  const proxy = createProxyServer({
    // The origin alone: forwarded paths are the site's own (`/realtime/...`, `/images/...`).
    target: target.origin,
    ca,
    changeOrigin: true,
    // Connections to the API are kept alive and reused (the library's default opens one each).
    agent:
      target.protocol === 'https:'
        ? new https.Agent({ keepAlive: true })
        : new http.Agent({ keepAlive: true }),
  });
  /** Forwarded requests without a deadline, each with the way to end it. */
  const waiting = new Set<() => void>();
  /** The request to the API behind each forwarded answer, to cancel it with the answer. */
  const upstreams = new WeakMap<ServerResponse, ClientRequest>();
  /** What to clear once the API starts answering. */
  const settles = new WeakMap<ServerResponse, () => void>();
  proxy.on('proxyReq', (upstream, _req, res) => {
    upstreams.set(res, upstream);
    // Answered already (deadline or stop) before the request had a connection.
    if (res.writableEnded) upstream.destroy();
  });
  proxy.on('proxyRes', (_upstreamRes, _req, res) => settles.get(res)?.());
  // What the library emits instead of calling back (a reader resetting a tunnelled websocket):
  // with no listener of ours it would throw and stop the site. That connection alone ends.
  proxy.on('error', (_error, _req, resOrSocket) => {
    if (resOrSocket instanceof ServerResponse) answerInstead(resOrSocket, 502, 'Bad Gateway');
    else resOrSocket?.destroy();
  });

  return {
    forward(req, res, { timeoutMs } = {}) {
      const answerInsteadOfApi = (status: number, text: string) => {
        upstreams.get(res)?.destroy();
        answerInstead(res, status, text);
      };
      let deadline: NodeJS.Timeout | undefined;
      const end = () => answerInsteadOfApi(503, 'Service Unavailable');
      if (timeoutMs === undefined) waiting.add(end);
      else deadline = setTimeout(() => answerInsteadOfApi(504, 'Gateway Timeout'), timeoutMs);
      const settle = () => {
        clearTimeout(deadline);
        waiting.delete(end);
      };
      settles.set(res, settle);
      res.once('close', settle);
      // Express strips the mount path from `url`; the API wants the whole path.
      req.url = req.originalUrl ?? req.url;
      proxy.web(req, res, { headers: forwardedHeaders(req) }, () => {
        settle();
        answerInstead(res, 502, 'Bad Gateway');
      });
    },

    endWaiting() {
      for (const end of waiting) end();
    },

    tunnel(req, socket, head) {
      // A refused upgrade is passed on by the library; a failed one closes the socket.
      proxy.ws(req, socket, head, { headers: forwardedHeaders(req) }, () => socket.destroy());
    },
  };
}
