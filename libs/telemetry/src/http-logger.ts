import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type Logger } from 'pino';
import { type Options } from 'pino-http';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id.js';

/** What pino-http hands the serializers (pino's standard request and response shapes). */
interface LoggedRequest {
  method: string;
  url: string;
  remoteAddress: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Asked every few seconds by load balancers: a line each would drown the others. */
const UNLOGGED_PATHS = new Set(['/__lbheartbeat__']);

/**
 * pino-http's settings for both servers: the request id is the one the edge sent (or a new
 * one), answered in `X-Request-Id` and bound to every line logged while the request runs; one
 * line per answer, `error` for a 5xx. An answer's line says what an access log does (method,
 * address, status, client, user agent, referrer), not every header: serialising them all cost
 * a cached page a sixth of its throughput, and headers carry the secrets. Never bodies.
 */
export function httpLoggerOptions(logger: Logger): Options<IncomingMessage, ServerResponse> {
  return {
    logger,
    genReqId(req, res) {
      const id = requestIdOf(req.headers[REQUEST_ID_HEADER]);
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    autoLogging: { ignore: (req) => UNLOGGED_PATHS.has(req.url ?? '') },
    serializers: {
      req: (req: LoggedRequest) => ({
        method: req.method,
        url: req.url,
        remoteAddress: req.remoteAddress,
        userAgent: req.headers['user-agent'],
        referer: req.headers.referer,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    // Lines logged inside a request carry its id alone; the request itself is on its last line.
    quietReqLogger: true,
  };
}
