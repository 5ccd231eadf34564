/*
 * Every call from the site to the API goes through `callApi`: the request and the reading of
 * its answer share one deadline, so an API that accepts a connection and then stalls costs a
 * reader at most that long, and answers them with a 504 page instead of a hang.
 */

/** How long a call waits for the API when the server did not say (API_TIMEOUT_MS). */
export const DEFAULT_API_TIMEOUT_MS = 10_000;

export interface ApiAnswer {
  response: Response;
  /** The JSON body, or undefined when there is none or it is not JSON. */
  body: unknown;
}

/** The answer a page gives when the API did not answer in time (rendered by the error boundary). */
export function apiTimeoutResponse(): Response {
  return new Response('Gateway Timeout', {
    status: 504,
    statusText: 'Gateway Timeout',
    headers: { 'Cache-Control': 'no-store', 'Retry-After': '5' },
  });
}

export async function callApi(
  fetchImpl: typeof fetch,
  url: URL,
  init: RequestInit,
  timeoutMs: number,
): Promise<ApiAnswer> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetchImpl(url, { ...init, signal });
    // A body that is not JSON reads as undefined; one cut short by the deadline is a timeout.
    const body: unknown =
      response.status === 204
        ? undefined
        : await response.json().catch((error: unknown) => {
            if (signal.aborted) throw error;
            return undefined;
          });
    return { response, body };
  } catch (error) {
    if (!signal.aborted) throw error;
    console.warn(`API call ${init.method ?? 'GET'} ${url.pathname} took over ${timeoutMs} ms`);
    // Thrown Responses are how Remix loaders and actions answer with a status of their own.
    throw apiTimeoutResponse();
  }
}
