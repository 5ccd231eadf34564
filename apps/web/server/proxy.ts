import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { type Duplex } from 'node:stream';

/*
 * A plain reverse proxy to the API for the few paths the browser must reach on the web origin
 * (realtime long-polling and websockets, uploaded images). Node's http module is enough for
 * this; a proxy library would bring its own dependency tree for two routes. An https API_URL
 * goes through Node's https module, which trusts the system's CAs and NODE_EXTRA_CA_CERTS.
 */

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

export function createApiProxy(apiUrl: string): ApiProxy {
  const target = new URL(apiUrl);
  const request = target.protocol === 'https:' ? https.request : http.request;
  /** Forwarded requests without a deadline, each with the way to end it. */
  const waiting = new Set<() => void>();

  function upstreamOptions(req: IncomingMessage, path: string): http.RequestOptions {
    const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress]
      .filter(Boolean)
      .join(', ');
    return {
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      method: req.method,
      path,
      headers: {
        ...req.headers,
        host: target.host,
        'x-forwarded-for': forwardedFor,
        'x-forwarded-host': req.headers.host ?? '',
        'x-forwarded-proto': 'http',
      },
    };
  }

  return {
    forward(req, res, { timeoutMs } = {}) {
      const upstream = request(upstreamOptions(req, req.originalUrl ?? req.url ?? '/'));
      let deadline: NodeJS.Timeout | undefined;
      const end = () => {
        upstream.destroy();
        answerInstead(res, 503, 'Service Unavailable');
      };
      if (timeoutMs === undefined) waiting.add(end);
      else {
        deadline = setTimeout(() => {
          upstream.destroy();
          answerInstead(res, 504, 'Gateway Timeout');
        }, timeoutMs);
      }
      const settle = () => {
        clearTimeout(deadline);
        waiting.delete(end);
      };
      res.once('close', settle);
      upstream.on('response', (upstreamRes) => {
        settle();
        res.writeHead(
          upstreamRes.statusCode ?? 502,
          upstreamRes.statusMessage,
          upstreamRes.headers,
        );
        upstreamRes.pipe(res);
      });
      upstream.on('error', () => {
        settle();
        answerInstead(res, 502, 'Bad Gateway');
      });
      req.pipe(upstream);
    },

    endWaiting() {
      for (const end of waiting) end();
    },

    tunnel(req, socket, head) {
      const upstream = request(upstreamOptions(req, req.url ?? '/'));
      upstream.on('upgrade', (upstreamRes, upstreamSocket, upstreamHead) => {
        socket.write(statusBlock(upstreamRes));
        if (upstreamHead.length > 0) socket.write(upstreamHead);
        if (head.length > 0) upstreamSocket.write(head);
        upstreamSocket.pipe(socket).pipe(upstreamSocket);
        upstreamSocket.on('error', () => socket.destroy());
        socket.on('error', () => upstreamSocket.destroy());
      });
      // The API refused to upgrade: pass its answer on and close.
      upstream.on('response', (upstreamRes) => {
        socket.write(statusBlock(upstreamRes));
        upstreamRes.pipe(socket);
      });
      upstream.on('error', () => socket.destroy());
      upstream.end();
    },
  };
}

function statusBlock(res: IncomingMessage): string {
  const lines = [`HTTP/1.1 ${res.statusCode} ${res.statusMessage}`];
  for (let i = 0; i < res.rawHeaders.length; i += 2) {
    lines.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}
