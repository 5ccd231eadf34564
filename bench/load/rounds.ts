import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { cpuMilliseconds } from './cpu.js';

/** What a browser sends with every request (a current Chrome on Linux). */
export const BROWSER_HEADERS = {
  'accept-encoding': 'gzip, deflate, br',
  'accept-language': 'en-US,en;q=0.9',
  'user-agent':
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};

/** The Accept header a browser sends for each kind of resource. */
export const ACCEPT = {
  page: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8',
  json: 'application/json',
  image: 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8',
} as const;

export interface Target {
  /** Row name, e.g. "site post page". */
  name: string;
  /** "one URL" or "Zipf over N posts". */
  shape: string;
  origin: string;
  accept: string;
  /** Every path the target asks for. */
  paths: readonly string[];
  /** The path of the next request. */
  nextPath: () => string;
}

export interface RoundOptions {
  seconds: number;
  connections: number;
  /** Processes whose CPU time the round charges to its requests. */
  pids: { site: number; api: number };
}

export interface RoundResult {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** Bytes received, headers included. */
  bytes: number;
  siteCpuMs: number;
  apiCpuMs: number;
  /** Distinct paths answered with a 2xx. */
  served: Set<string>;
}

interface PathContext {
  path?: string;
}

/** Time for the servers to finish what was in flight when a round ended, before CPU is read. */
const SETTLE_MS = 250;

/**
 * Asks for each of the target's paths once, so that a round finds the caches as a site with
 * traffic over all its posts has them (the API keeps a read for minutes).
 */
export async function visitEach(target: Target, connections: number): Promise<void> {
  let next = 0;
  await autocannon({
    url: target.origin,
    connections: Math.min(connections, target.paths.length),
    amount: target.paths.length,
    headers: { ...BROWSER_HEADERS, accept: target.accept },
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          path: target.paths[next++ % target.paths.length],
        }),
      },
    ],
  });
}

/**
 * One autocannon run of `target` for `options.seconds`, with the CPU both servers spent on it
 * (read a moment after the run, so work still in flight at its end is charged to it).
 */
export async function runRound(target: Target, options: RoundOptions): Promise<RoundResult> {
  const served = new Set<string>();
  const cpuBefore = [cpuMilliseconds(options.pids.site), cpuMilliseconds(options.pids.api)];
  const result = await autocannon({
    url: target.origin,
    connections: options.connections,
    duration: options.seconds,
    headers: { ...BROWSER_HEADERS, accept: target.accept },
    requests: [
      {
        // One connection has one request in flight: the context holds that request's path.
        setupRequest: (request, context: PathContext) => {
          context.path = target.nextPath();
          return { ...request, path: context.path };
        },
        onResponse: (status, _body, context: PathContext) => {
          if (status >= 200 && status < 300 && context.path) served.add(context.path);
        },
      },
    ],
  });
  await sleep(SETTLE_MS);
  const cpuAfter = [cpuMilliseconds(options.pids.site), cpuMilliseconds(options.pids.api)];
  const requests = result.requests.total;
  return {
    requests,
    requestsPerSecond: requests / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    bytes: result.throughput.total,
    siteCpuMs: cpuAfter[0]! - cpuBefore[0]!,
    apiCpuMs: cpuAfter[1]! - cpuBefore[1]!,
    served,
  };
}
