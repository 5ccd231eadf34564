import { type IncomingMessage, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Histogram, type Registry } from 'prom-client';

/** Seconds: from a page-cache hit (well under a millisecond) to an API deadline. */
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export interface HttpMetricsOptions<Req extends IncomingMessage, Res extends ServerResponse> {
  registry: Registry;
  /**
   * The route template that answered (`/api/posts/:slug`), read once the answer is sent. Never
   * the raw URL: every distinct value is a series of its own.
   */
  routeOf(req: Req, res: Res): string;
}

/**
 * Middleware (express, connect) timing every answer into
 * `inkwell_http_request_duration_seconds{method, route, status}`. A request whose client left
 * before its answer ended is not counted.
 */
export function observeHttpRequests<Req extends IncomingMessage, Res extends ServerResponse>({
  registry,
  routeOf,
}: HttpMetricsOptions<Req, Res>): (req: Req, res: Res, next: () => void) => void {
  const duration = new Histogram({
    name: 'inkwell_http_request_duration_seconds',
    help: 'Time from a request to the end of its answer, by method, route template and status.',
    labelNames: ['method', 'route', 'status'],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  return (req, res, next) => {
    const started = performance.now();
    res.once('finish', () => {
      duration.observe(
        {
          method: METHODS.has(req.method ?? '') ? req.method : 'other',
          route: routeOf(req, res),
          status: res.statusCode,
        },
        (performance.now() - started) / 1000,
      );
    });
    next();
  };
}
