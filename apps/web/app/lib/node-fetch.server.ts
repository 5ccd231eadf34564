import http from 'node:http';
import https from 'node:https';

/*
 * The API client's transport for reads: Node's own HTTP client over kept-alive connections,
 * answering with a `Response` built from the whole body. A page reads the API two to four
 * times, and undici's `fetch` was the largest single cost of a render after React itself
 * (docs/decisions/0024-what-a-rendered-page-costs.md). Requests with a body (comments,
 * admin writes, uploads) keep the global `fetch`, which encodes FormData.
 */

const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

/** Statuses whose Response may carry no body. */
const NO_BODY = new Set([204, 205, 304]);

function headersOf(rawHeaders: readonly string[]): Headers {
  const headers = new Headers();
  for (let index = 0; index < rawHeaders.length; index += 2) {
    headers.append(rawHeaders[index]!, rawHeaders[index + 1]!);
  }
  return headers;
}

/**
 * Sends the request and waits for the answer's head. A kept-alive connection the API closed just
 * as this request went out fails with ECONNRESET before any answer: a read is safe to send
 * again, once, on a new connection.
 */
function request(url: URL, init: RequestInit, retried = false): Promise<http.IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const sent = client.request(url, {
      method: init.method ?? 'GET',
      headers: init.headers as Record<string, string> | undefined,
      agent: agents[url.protocol as keyof typeof agents],
      signal: init.signal ?? undefined,
    });
    sent.once('response', resolve);
    sent.once('error', (error: NodeJS.ErrnoException) => {
      const closedByApi = sent.reusedSocket && error.code === 'ECONNRESET';
      if (closedByApi && !retried && !init.signal?.aborted) {
        resolve(request(url, init, true));
      } else reject(error);
    });
    sent.end();
  });
}

async function send(url: URL, init: RequestInit): Promise<Response> {
  const response = await request(url, init);
  // Rejects when the connection closes early or the signal aborts it mid-body.
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  const status = response.statusCode ?? 502;
  return new Response(NO_BODY.has(status) ? null : Buffer.concat(chunks), {
    status,
    statusText: response.statusMessage,
    headers: headersOf(response.rawHeaders),
  });
}

/**
 * `fetch` for the API client: requests without a body over Node's HTTP client (redirects are
 * never followed, as the client asks), others through the global `fetch`.
 */
export const nodeFetch: typeof fetch = (input, init = {}) => {
  if (init.body !== undefined && init.body !== null) return fetch(input, init);
  const url = input instanceof URL ? input : new URL(input instanceof Request ? input.url : input);
  return send(url, init);
};
