import { type ChildProcess } from 'node:child_process';
import http from 'node:http';

/*
 * Load across a stop, for the servers' shutdown checks: keep-alive clients send requests back
 * to back, the server is told to stop, and every request's fate is recorded until the server
 * refuses connections. A request is never silently lost: it has a status, was refused (never
 * accepted), or was cut off (the failure a graceful stop must not produce).
 */

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export type LoadOutcome =
  | { kind: 'answered'; request: LoadRequest; status: number; startedAt: number; endedAt: number }
  | { kind: 'refused'; request: LoadRequest }
  | { kind: 'cut-off'; request: LoadRequest; error: string; startedAt: number };

export interface LoadAcrossStopOptions {
  /** The server's base URL (http://host:port). */
  url: string;
  clients: number;
  /** The `n`th request of client `client`. */
  request(client: number, n: number): LoadRequest;
  /** How long the load runs before the server is sent SIGTERM. */
  stopAfterMs: number;
  /** The server's process. */
  server: ChildProcess;
}

export interface LoadAcrossStop {
  outcomes: LoadOutcome[];
  /** Requests cut off (the failure a graceful stop must not produce). */
  cutOff: LoadOutcome[];
  /** Answers with a 5xx status. */
  serverErrors: LoadOutcome[];
  /** Answers that ended after the signal: requests in flight were finished, not dropped. */
  answeredAfterStop: number;
  /** The server's exit code, and how long after the signal it exited. */
  exitCode: number | null;
  exitedAfterMs: number;
}

type Attempt =
  | { kind: 'answered'; status: number }
  | { kind: 'refused' }
  /** `unread`: the request went out on a reused connection that closed before any answer. */
  | { kind: 'failed'; error: string; unread: boolean };

function attempt(url: URL, agent: http.Agent, request: LoadRequest): Promise<Attempt> {
  return new Promise((resolve) => {
    const outgoing = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path,
        headers: request.headers,
        agent,
      },
      (res) => {
        res.resume();
        res.once('end', () => resolve({ kind: 'answered', status: res.statusCode ?? 0 }));
        // An answer cut short: the server had read the request, so it is not sent again.
        res.once('error', (error) =>
          resolve({ kind: 'failed', error: error.message, unread: false }),
        );
      },
    );
    outgoing.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') resolve({ kind: 'refused' });
      else resolve({ kind: 'failed', error: error.message, unread: outgoing.reusedSocket });
    });
    outgoing.end(request.body);
  });
}

/**
 * One request as a browser sends it: a keep-alive connection the server closed while it was
 * idle (the request crossed the close on the wire, unread) is retried once on a new one, as
 * Node's documentation of `request.reusedSocket` and browsers do.
 */
async function send(url: URL, agent: http.Agent, request: LoadRequest): Promise<LoadOutcome> {
  const startedAt = Date.now();
  let result = await attempt(url, agent, request);
  if (result.kind === 'failed' && result.unread) result = await attempt(url, agent, request);
  if (result.kind === 'answered') {
    return { kind: 'answered', request, status: result.status, startedAt, endedAt: Date.now() };
  }
  if (result.kind === 'refused') return { kind: 'refused', request };
  return { kind: 'cut-off', request, error: result.error, startedAt };
}

/** Runs `clients` keep-alive clients, sends the server SIGTERM, and resolves once it exited. */
export async function loadAcrossStop(options: LoadAcrossStopOptions): Promise<LoadAcrossStop> {
  const url = new URL(options.url);
  const outcomes: LoadOutcome[] = [];
  let stoppedAt = Number.POSITIVE_INFINITY;
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    options.server.once('exit', (code) => resolve({ code, at: Date.now() })),
  );

  async function client(index: number): Promise<void> {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let n = 0; ; n++) {
        const outcome = await send(url, agent, options.request(index, n));
        outcomes.push(outcome);
        if (outcome.kind === 'refused') return;
        // A cut-off after the stop is recorded once; the server is going away.
        if (outcome.kind === 'cut-off' && Date.now() >= stoppedAt) return;
      }
    } finally {
      agent.destroy();
    }
  }

  const running = Array.from({ length: options.clients }, (_, index) => client(index));
  await new Promise((resolve) => setTimeout(resolve, options.stopAfterMs));
  stoppedAt = Date.now();
  options.server.kill('SIGTERM');
  await Promise.all(running);
  const { code, at } = await exited;
  return {
    outcomes,
    cutOff: outcomes.filter((outcome) => outcome.kind === 'cut-off'),
    serverErrors: outcomes.filter(
      (outcome) => outcome.kind === 'answered' && outcome.status >= 500,
    ),
    answeredAfterStop: outcomes.filter(
      (outcome) => outcome.kind === 'answered' && outcome.endedAt > stoppedAt,
    ).length,
    exitCode: code,
    exitedAfterMs: at - stoppedAt,
  };
}

/** How many requests matching `method` were answered with `status`. */
export function answeredWith(outcomes: LoadOutcome[], method: string, status: number): number {
  return outcomes.filter(
    (outcome) =>
      outcome.kind === 'answered' && outcome.request.method === method && outcome.status === status,
  ).length;
}
