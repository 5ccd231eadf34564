import { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { errorBody, isMediaBody, routes, type RouteSpec } from '@inkwell/contract';

/** A route of the contract with its path template as a regular expression. */
interface MatchableRoute {
  route: RouteSpec;
  pattern: RegExp;
  /** Templates with fewer parameters win: `/posts/preview` before `/posts/{id}`. */
  parameters: number;
}

const matchable: MatchableRoute[] = (Object.values(routes) as RouteSpec[])
  .map((route) => ({
    route,
    pattern: new RegExp(`^${route.path.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`),
    parameters: (route.path.match(/\{/g) ?? []).length,
  }))
  .sort((a, b) => a.parameters - b.parameters);

/** The contract's route for a request, if the path is one it describes. */
export function contractRouteFor(method: string, url: string): RouteSpec | undefined {
  const path = new URL(url, 'http://api.test').pathname;
  return matchable.find(({ route, pattern }) => route.method === method && pattern.test(path))
    ?.route;
}

/**
 * Why an answer breaks the contract, or null when it keeps it: a JSON body must parse with the
 * route's schema for its status; a refusal the route does not list must still be an error body;
 * a success the route does not list is itself a break.
 */
export function contractBreach(
  route: RouteSpec,
  status: number,
  contentType: string,
  body: string,
): string | null {
  if (status === 304) return null;
  const declared = route.responses[status];
  if (declared === undefined && status < 400) return `status ${status} is not in the contract`;
  if (!contentType.startsWith('application/json')) {
    if (declared === null || isMediaBody(declared)) return null;
    if (declared === undefined && body === '') return null;
    return `answered ${contentType || 'no content type'} where JSON is declared`;
  }
  const schema = declared === undefined ? errorBody : isMediaBody(declared) ? null : declared;
  if (!schema) return `answered JSON where ${status} declares no JSON body`;
  const parsed = schema.safeParse(JSON.parse(body));
  if (parsed.success) return null;
  return parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
}

/** Collects what a response writes, to read its body once it is sent. */
function captureBody(response: ServerResponse): () => string {
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    chunks.push(
      Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(
            chunk as string,
            typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
          ),
    );
  };
  const write = response.write.bind(response) as (...args: unknown[]) => boolean;
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  response.write = ((...args: unknown[]) => {
    keep(args[0], args[1]);
    return write(...args);
  }) as ServerResponse['write'];
  response.end = ((...args: unknown[]) => {
    keep(args[0], args[1]);
    return end(...args);
  }) as ServerResponse['end'];
  return () => Buffer.concat(chunks).toString('utf8');
}

export interface ContractWatch {
  /** Every answer so far that broke the contract, as `METHOD /path -> status: why`. */
  breaches: string[];
  /** Answers checked against a route of the contract. */
  checked: number;
  stop(): void;
}

/**
 * Checks every answer the server gives against the contract's schema for its route and status,
 * so any test that calls the API also proves the answers still match their description.
 */
export function watchContractAnswers(server: Server): ContractWatch {
  const watch: ContractWatch = { breaches: [], checked: 0, stop: () => undefined };
  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    const route = contractRouteFor(request.method ?? 'GET', request.url ?? '/');
    if (!route) return;
    const body = captureBody(response);
    response.once('finish', () => {
      watch.checked += 1;
      const breach = contractBreach(
        route,
        response.statusCode,
        String(response.getHeader('content-type') ?? ''),
        body(),
      );
      if (breach) {
        watch.breaches.push(
          `${request.method} ${request.url} -> ${response.statusCode}: ${breach}`,
        );
      }
    });
  };
  server.prependListener('request', onRequest);
  watch.stop = () => server.off('request', onRequest);
  return watch;
}
