import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { type Duplex } from 'node:stream';

/*
 * A plain reverse proxy to the API for the few paths the browser must reach on the web origin
 * (realtime long-polling and websockets, uploaded images). Node's http module is enough for
 * this; a proxy library would bring its own dependency tree for two routes.
 */

export interface ApiProxy {
  /** Express/connect middleware: forwards the request as-is (`originalUrl` keeps the prefix). */
  forward(req: IncomingMessage & { originalUrl?: string }, res: ServerResponse): void;
  /** For the server's `upgrade` event: tunnels a websocket handshake and its bytes. */
  tunnel(req: IncomingMessage, socket: Duplex, head: Buffer): void;
}

export function createApiProxy(apiUrl: string): ApiProxy {
  const target = new URL(apiUrl);

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
    forward(req, res) {
      const upstream = http.request(
        upstreamOptions(req, req.originalUrl ?? req.url ?? '/'),
        (upstreamRes) => {
          res.writeHead(
            upstreamRes.statusCode ?? 502,
            upstreamRes.statusMessage,
            upstreamRes.headers,
          );
          upstreamRes.pipe(res);
        },
      );
      upstream.on('error', () => {
        if (res.headersSent) res.destroy();
        else res.writeHead(502, { 'content-type': 'text/plain' }).end('Bad Gateway');
      });
      req.pipe(upstream);
    },

    tunnel(req, socket, head) {
      const upstream = http.request(upstreamOptions(req, req.url ?? '/'));
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
