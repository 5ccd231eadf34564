import { type Server, type ServerResponse } from 'node:http';
import net from 'node:net';

/*
 * `server.close()` alone is not a graceful stop for a keep-alive HTTP server: it closes the
 * sockets idle at that instant, but a client that keeps sending on its connection is served for
 * as long as it likes, and `closeAllConnections()` resets requests half done (a comment stored,
 * its answer lost, so the reader posts it again). Draining stops accepting, tells every client
 * on an open connection that this answer is the last one (`Connection: close`), closes each
 * connection the moment it has nothing in flight, and waits for the answers in flight, for a
 * bounded time.
 *
 * Two orders matter, and `server.close()` gets both wrong (Node 20):
 * - It closes the idle connections before it stops listening. A client whose idle connection is
 *   closed sends its request again at once on a new one, which the kernel takes into the
 *   listening socket's backlog while the server is still busy closing; closing the listening
 *   socket then resets it: a request cut off, not refused. So the listening socket closes first.
 * - Its `closeIdleConnections` counts a connection as idle once its answer has ended, even while
 *   the answer's bytes still wait to be written, and destroying it cuts the answer short. So idle
 *   connections are closed only while no answer in flight has ended; each answer's `close`
 *   tries again.
 */

export interface DrainResult {
  /** Requests still unanswered when the time was up; their connections were destroyed. */
  abandoned: number;
}

export interface HttpDrain {
  /** True once `drain` was called. */
  readonly draining: boolean;
  /** Requests being answered right now. */
  readonly inFlight: number;
  /**
   * Stops accepting connections, finishes the requests in flight within `timeoutMs` (then
   * destroys what is left) and resolves once no connection is open.
   */
  drain(timeoutMs: number): Promise<DrainResult>;
}

/** Marks an answer as the connection's last, while its headers can still change. */
function lastOnConnection(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('Connection', 'close');
}

/** Watches `server`'s requests from now on, so that `drain` can stop it gracefully. */
export function createHttpDrain(server: Server): HttpDrain {
  const inFlight = new Set<ServerResponse>();
  let draining = false;

  /** Closes the idle connections, unless an answer that has ended is still being written. */
  function closeIdleConnections(): void {
    for (const res of inFlight) if (res.writableEnded) return;
    server.closeIdleConnections();
  }

  server.on('request', (_req, res: ServerResponse) => {
    // A request that arrives on an open connection while draining is answered, as the last.
    if (draining) lastOnConnection(res);
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      // The connection it came on is idle now (or gone): no reason to keep it while draining.
      if (draining) setImmediate(closeIdleConnections);
    });
  });

  return {
    get draining() {
      return draining;
    },
    get inFlight() {
      return inFlight.size;
    },
    drain(timeoutMs) {
      draining = true;
      for (const res of inFlight) lastOnConnection(res);
      return new Promise((resolve) => {
        let abandoned = 0;
        const deadline = setTimeout(() => {
          abandoned = inFlight.size;
          server.closeAllConnections();
        }, timeoutMs);
        // Stops listening (net's close: http's would close the idle connections first) and
        // calls back once every connection has ended.
        net.Server.prototype.close.call(server, () => {
          clearTimeout(deadline);
          resolve({ abandoned });
        });
        closeIdleConnections();
      });
    },
  };
}
