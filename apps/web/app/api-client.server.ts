import {
  errorBody,
  type HttpMethod,
  isMediaBody,
  type PathsFor,
  type ResponseBody,
  type RouteAt,
  type RouteInput,
  routes,
  type RouteSpec,
  type SuccessBody,
} from '@inkwell/contract';
import { type AppLoadContext } from '@remix-run/node';
import { type ApiReads } from './lib/api-reads.server.js';
import { nodeFetch } from './lib/node-fetch.server.js';
import { type ApiAnswer, type SharedReads } from './lib/shared-reads.server.js';

/*
 * The one HTTP client for the Inkwell API, typed by the contract's route table
 * (`api.get('/api/posts/{slug}', { params: { slug } })`) and checking every answer with the
 * contract's schema for its status, so a drift fails loudly here instead of as `undefined` deep
 * in a page. The request and the reading of its answer share one deadline: an API that accepts
 * a connection and then stalls costs a reader at most that long, and answers a 504 page.
 */

/** How long a call waits for the API when the server did not say (API_TIMEOUT_MS). */
export const DEFAULT_API_TIMEOUT_MS = 10_000;

/** A non-2xx answer from the API: its message, the per-field messages of a 400, its body. */
export class ApiError extends Error {
  readonly fields: Record<string, string>;
  constructor(
    readonly status: number,
    message: string,
    fields: Record<string, string> = {},
    /** The refusal as the API sent it (a stale-version 409 carries the current post). */
    readonly body: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
    this.fields = fields;
  }
}

export interface ApiClientOptions {
  baseUrl: string;
  /** How long a call may take before the page answers 504 (API_TIMEOUT_MS). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Sees every read's answer (its cache headers), e.g. `ApiReads.record`. */
  onRead?: (answer: Pick<ApiAnswer, 'ok' | 'headers'>) => void;
  /** Reads kept across requests (the settings every page reads), for the reads it keeps. */
  sharedReads?: SharedReads;
  /** An admin session's bearer token. */
  token?: string;
  /** Sent as X-CSRF-Token on writes: the value the submitted form carried, not the cookie's. */
  csrfToken?: string;
  /** The visitor's address, so the API's limits and moderation count people, not this server. */
  clientIp?: string;
  /** The id of the reader's request, sent as X-Request-Id: the API's log lines carry it too. */
  requestId?: string;
  /** Where a call that took too long is reported (the request's logger). */
  log?: { warn(message: string): void };
}

/** Headers of one call on top of the client's (a commenter's User-Agent). */
interface CallExtras {
  headers?: Record<string, string>;
}

type Input<R> = RouteInput<R> & CallExtras;
/** The input argument, optional when the route needs none. */
type InputArgs<R> = object extends RouteInput<R> ? [input?: Input<R>] : [input: Input<R>];

/** `api.get(path, input)`: typed by the route at `path`, resolving to its successful answer. */
type Call<M extends HttpMethod> = <P extends PathsFor<M>>(
  path: P,
  ...input: InputArgs<RouteAt<M, P>>
) => Promise<SuccessBody<RouteAt<M, P>>>;

/** An answer with its status, for routes whose non-2xx answers a page reads (a moved post). */
export type Answer<R extends { responses: object }, S extends keyof R['responses']> = {
  [K in S]: { status: K; body: ResponseBody<R, K> };
}[S];

/** The answer a page gives when the API did not answer in time (rendered by the error boundary). */
export function apiTimeoutResponse(): Response {
  return new Response('Gateway Timeout', {
    status: 504,
    statusText: 'Gateway Timeout',
    headers: { 'Cache-Control': 'no-store', 'Retry-After': '5' },
  });
}

function routeAt(method: HttpMethod, path: string): RouteSpec {
  const route = (routes as Record<string, RouteSpec>)[`${method} ${path}`];
  if (!route) throw new Error(`The contract has no route ${method} ${path}`);
  return route;
}

function toUrl(baseUrl: string, path: string, input: RouteInput<unknown>): URL {
  const params = (input.params ?? {}) as Record<string, string | number>;
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${path} needs the path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  const url = new URL(`${baseUrl}${filled}`);
  for (const [key, value] of Object.entries(input.query ?? {})) {
    if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
  }
  return url;
}

/** What a refusal may carry, built once rather than per refusal. */
const refusalBody = errorBody.partial();

function toApiError(status: number, body: unknown): ApiError {
  const parsed = refusalBody.safeParse(body);
  const data = parsed.success ? parsed.data : {};
  return new ApiError(status, data.message ?? `API answered ${status}`, data.fields, body);
}

export function createApiClient(options: ApiClientOptions) {
  const { baseUrl, token, csrfToken, clientIp, requestId, onRead, sharedReads } = options;
  const log = options.log ?? console;
  const fetchImpl = options.fetch ?? nodeFetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_API_TIMEOUT_MS;
  /**
   * Reads answered so far, by URL: loaders of one page that read the same thing (the root and
   * the home page both read the settings) share one call. A write forgets them all.
   */
  const reads = new Map<string, Promise<{ status: number; body: unknown }>>();

  function sendOnce(
    method: HttpMethod,
    path: string,
    input: Input<unknown> = {},
    accept: readonly number[] = [],
  ): Promise<{ status: number; body: unknown }> {
    const url = toUrl(baseUrl, path, input);
    if (method !== 'GET') reads.clear();
    if (method !== 'GET' || input.headers) return send(method, path, url, input, accept);
    const key = `${url.href} ${accept.join(',')}`;
    let answer = reads.get(key);
    if (!answer) {
      answer = sharedReads?.keeps(path)
        ? sharedReads
            .read(key, () => exchange(method, url, input))
            .then((read) => conclude(method, path, read, accept))
        : send(method, path, url, input, accept);
      reads.set(key, answer);
    }
    return answer;
  }

  async function send(
    method: HttpMethod,
    path: string,
    url: URL,
    input: Input<unknown>,
    accept: readonly number[],
  ): Promise<{ status: number; body: unknown }> {
    return conclude(method, path, await exchange(method, url, input), accept);
  }

  /** The API's answer to one call, its body read as JSON (undefined if it is not). */
  async function exchange(method: HttpMethod, url: URL, input: Input<unknown>): Promise<ApiAnswer> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
    if (clientIp) headers['x-forwarded-for'] = clientIp;
    if (requestId) headers['x-request-id'] = requestId;
    const payload = input.body as unknown;
    let body: BodyInit | undefined;
    if (payload instanceof FormData) body = payload;
    else if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(payload);
    }
    // Cleared when the answer is read: a timer left behind would keep every call's request and
    // answer alive for the whole deadline.
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new DOMException('API deadline', 'TimeoutError')),
      timeoutMs,
    );
    const { signal } = deadline;
    let response: Response;
    let json: unknown;
    try {
      // Not followed: a moved post's 301 is for the page to pass on to the reader.
      response = await fetchImpl(url, {
        method,
        headers: { ...headers, ...input.headers },
        body,
        redirect: 'manual',
        signal,
      });
      // A body that is not JSON reads as undefined; one cut short by the deadline is a timeout.
      json =
        response.status === 204
          ? undefined
          : await response.json().catch((error: unknown) => {
              if (signal.aborted) throw error;
              return undefined;
            });
    } catch (error) {
      if (!signal.aborted) throw error;
      log.warn(`API call ${method} ${url.pathname} took over ${timeoutMs} ms`);
      // Thrown Responses are how Remix loaders and actions answer with a status of their own.
      throw apiTimeoutResponse();
    } finally {
      clearTimeout(timer);
    }
    return { status: response.status, ok: response.ok, headers: response.headers, json };
  }

  /** Records a read, refuses an unexpected status, checks the body with the contract. */
  function conclude(
    method: HttpMethod,
    path: string,
    answer: ApiAnswer,
    accept: readonly number[],
  ): { status: number; body: unknown } {
    const route = routeAt(method, path);
    if (method === 'GET') onRead?.(answer);
    const { status, json } = answer;
    if (!answer.ok && !accept.includes(status)) throw toApiError(status, json);
    const spec = route.responses[status];
    if (spec === undefined) throw new Error(`API answered ${method} ${path} with ${status}`);
    if (spec === null || isMediaBody(spec)) return { status, body: undefined };
    return { status, body: spec.parse(json) };
  }

  /** A call whose success is the answer; any other status raises `ApiError`. */
  const call =
    <M extends HttpMethod>(method: M): Call<M> =>
    (path, ...[input]) =>
      sendOnce(method, path, input as Input<unknown>).then(({ body }) => body as never);

  return {
    get: call('GET'),
    post: call('POST'),
    put: call('PUT'),
    patch: call('PATCH'),
    delete: call('DELETE'),
    /**
     * A GET whose listed non-2xx statuses are answers to read, not errors: `{ status, body }`,
     * the body parsed with the contract's schema for that status.
     */
    answer<P extends PathsFor<'GET'>, S extends keyof RouteAt<'GET', P>['responses'] & number>(
      path: P,
      input: Input<RouteAt<'GET', P>>,
      accept: readonly S[],
    ): Promise<Answer<RouteAt<'GET', P>, S | Extract<keyof RouteAt<'GET', P>['responses'], 200>>> {
      return sendOnce('GET', path, input as Input<unknown>, accept) as never;
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/**
 * The options every client made for one request shares: the API and its deadline, the
 * reader's address, the request's id and logger.
 */
export function connectionOf(
  context: Pick<AppLoadContext, 'apiUrl' | 'apiTimeoutMs' | 'clientIp' | 'requestId' | 'log'>,
): ApiClientOptions {
  return {
    baseUrl: context.apiUrl,
    timeoutMs: context.apiTimeoutMs,
    clientIp: context.clientIp,
    requestId: context.requestId,
    log: context.log,
  };
}

const clientsByRequest = new WeakMap<ApiReads, ApiClient>();

/**
 * The readers' client for the API the server was configured with (`context.apiUrl`), made once
 * per request: it records what each read says about caching in `context.apiReads`, from which
 * the page's cache headers are made, and calls it with the configured timeout. It lives in the
 * app bundle so loaders and `ApiError` share one module instance.
 */
export function apiFor(
  context: Pick<
    AppLoadContext,
    'apiUrl' | 'apiTimeoutMs' | 'apiReads' | 'requestId' | 'log' | 'sharedReads'
  >,
): ApiClient {
  let client = clientsByRequest.get(context.apiReads);
  if (!client) {
    const reads = context.apiReads;
    client = createApiClient({
      baseUrl: context.apiUrl,
      timeoutMs: context.apiTimeoutMs,
      requestId: context.requestId,
      log: context.log,
      onRead: (answer) => reads.record(answer),
      sharedReads: context.sharedReads,
    });
    clientsByRequest.set(reads, client);
  }
  return client;
}

/**
 * Turns an API refusal (any 4xx: a missing post, a page number or filter out of range) into the
 * page's own answer with the same status, rendered by the error boundary; anything else is
 * rethrown for Remix to report as a server error.
 */
export function rethrowApiRefusal(error: unknown): never {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
    const statusText = STATUS_TEXT[error.status] ?? 'Bad Request';
    throw new Response(statusText, { status: error.status, statusText });
  }
  throw error;
}

/** Reason phrases of the refusals the API gives. */
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  429: 'Too Many Requests',
};
