import { describe, expect, it } from 'vitest';
import { ApiError, type ApiClientOptions, createApiClient } from './api-client.server.js';

interface Call {
  url: string;
  init: RequestInit | undefined;
}

/** A fetch that answers every request with `status` and `body`, recording what it was asked. */
function answering(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  options: Partial<ApiClientOptions> = {},
) {
  const calls: Call[] = [];
  const fetchStub = (async (input: URL | RequestInfo, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    return new Response(status === 204 ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
  }) as typeof fetch;
  const client = createApiClient({ baseUrl: 'http://api.test', fetch: fetchStub, ...options });
  return { calls, client };
}

const headersOf = (call: Call) => call.init?.headers as Record<string, string>;

const detail = {
  post: {
    id: 7,
    slug: 'new-name',
    title: 'A post',
    summary: '',
    publishedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    externalUrl: null,
    categories: [],
    commentCount: 0,
    readingMinutes: 1,
    cover: null,
    author: { slug: 'ada', name: 'Ada Lovelace' },
    html: '<p>Hello</p>',
    headings: [],
  },
  series: null,
  shareImage: {
    url: '/images/og/new-name/0123456789abcdef.png',
    width: 1200,
    height: 630,
    type: 'image/png',
  },
  comments: [],
  previous: null,
  next: null,
  related: [],
};

const emptyPage = {
  items: [],
  page: 2,
  pageSize: 5,
  total: 0,
  pages: 0,
  categories: [],
  author: null,
};

describe('get', () => {
  it('fills the path template and the query string, leaving out empty values', async () => {
    const { client, calls } = answering(200, emptyPage);
    expect(
      await client.get('/api/posts', { query: { page: 2, pageSize: 5, category: '' } }),
    ).toEqual(emptyPage);
    expect(calls[0]!.url).toBe('http://api.test/api/posts?page=2&pageSize=5');
    await client.get('/api/admin/posts/{id}', { params: { id: 12 } }).catch(() => undefined);
    expect(calls[1]!.url).toBe('http://api.test/api/admin/posts/12');
  });

  it('encodes path parameters', async () => {
    const { client, calls } = answering(200, detail);
    await client.get('/api/posts/{slug}', { params: { slug: 'a/b?c' } });
    expect(calls[0]!.url).toBe('http://api.test/api/posts/a%2Fb%3Fc');
  });

  it("fails on an answer that drifted from the contract's description", async () => {
    const { client } = answering(200, { ...emptyPage, total: 'none' });
    await expect(client.get('/api/posts')).rejects.toThrow(/total/);
  });

  it('raises a refusal as ApiError with its message, fields and body', async () => {
    const refusal = {
      statusCode: 400,
      error: 'Bad Request',
      message: 'page must be a whole number',
      fields: { page: 'page must be a whole number' },
    };
    const { client } = answering(400, refusal);
    const error: unknown = await client.get('/api/posts').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      message: 'page must be a whole number',
      fields: { page: 'page must be a whole number' },
      body: refusal,
    });
  });

  it('names the status when a refusal has no message', async () => {
    const { client } = answering(502, 'not json');
    await expect(client.get('/api/settings')).rejects.toThrow('API answered 502');
  });

  it('lets the page see every read (its cache headers), not the writes', async () => {
    const seen: string[] = [];
    const { client } = answering(
      200,
      emptyPage,
      { etag: 'W/"1"' },
      {
        onRead: (response) => seen.push(response.headers.get('etag') ?? ''),
      },
    );
    await client.get('/api/posts');
    expect(seen).toEqual(['W/"1"']);
  });

  it('answers a 504 page when the API takes longer than the timeout', async () => {
    const stalling = (async (_input: URL | RequestInfo, init?: RequestInit) =>
      new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason as Error)),
      )) as typeof fetch;
    const client = createApiClient({ baseUrl: 'http://api.test', fetch: stalling, timeoutMs: 20 });
    const thrown: unknown = await client.get('/api/settings').catch((caught: unknown) => caught);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(504);
  });

  it('reads an answer once for the loaders of one page, and again after a write', async () => {
    const { client, calls } = answering(200, emptyPage);
    const [first, second] = await Promise.all([client.get('/api/posts'), client.get('/api/posts')]);
    expect(second).toEqual(first);
    expect(calls).toHaveLength(1);
    await client.get('/api/posts', { query: { page: 2 } });
    expect(calls).toHaveLength(2);
    await client.delete('/api/admin/posts/{id}', { params: { id: 1 } }).catch(() => undefined);
    await client.get('/api/posts');
    expect(calls.map((call) => call.url)).toEqual([
      'http://api.test/api/posts',
      'http://api.test/api/posts?page=2',
      'http://api.test/api/admin/posts/1',
      'http://api.test/api/posts',
    ]);
  });

  it('ends the deadline with the call, so an answered request is never aborted later', async () => {
    const { client, calls } = answering(200, emptyPage, {}, { timeoutMs: 20 });
    await client.get('/api/posts');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(calls[0]!.init?.signal?.aborted).toBe(false);
  });
});

describe('answer', () => {
  it('returns the post found under its slug', async () => {
    const { client } = answering(200, detail);
    expect(
      await client.answer('/api/posts/{slug}', { params: { slug: 'new-name' } }, [301]),
    ).toEqual({ status: 200, body: detail });
  });

  it('returns the new slug of a renamed post instead of following the redirect', async () => {
    const { client, calls } = answering(
      301,
      { statusCode: 301, error: 'Moved Permanently', slug: 'new-name', message: 'Moved' },
      { location: '/api/posts/new-name' },
    );
    const answer = await client.answer('/api/posts/{slug}', { params: { slug: 'old' } }, [301]);
    expect(answer.status === 301 && answer.body.slug).toBe('new-name');
    expect(calls[0]!.init?.redirect).toBe('manual');
  });

  it('raises a 301 without a slug as a contract error', async () => {
    const { client } = answering(301, { statusCode: 301 });
    await expect(
      client.answer('/api/posts/{slug}', { params: { slug: 'old' } }, [301]),
    ).rejects.toThrow();
  });

  it('raises statuses it was not told to read as ApiError', async () => {
    const { client } = answering(404, { statusCode: 404, error: 'Not Found', message: 'No post' });
    const error: unknown = await client
      .answer('/api/posts/{slug}', { params: { slug: 'missing' } }, [301])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
  });
});

describe('writes', () => {
  const session = {
    token: 'tok',
    csrfToken: 'csrf',
    clientIp: '203.0.113.9',
    requestId: 'edge-42',
  };
  const category = { id: 3, slug: 'go', name: 'Go', description: '', postCount: 0 };

  it('send JSON with the bearer token, the CSRF token, the visitor address and the request id', async () => {
    const { client, calls } = answering(201, category, {}, session);
    expect(await client.post('/api/admin/categories', { body: { name: 'Go' } })).toEqual(category);
    expect(calls[0]!.init?.method).toBe('POST');
    expect(calls[0]!.init?.body).toBe('{"name":"Go"}');
    expect(headersOf(calls[0]!)).toMatchObject({
      authorization: 'Bearer tok',
      'x-csrf-token': 'csrf',
      'x-forwarded-for': '203.0.113.9',
      'x-request-id': 'edge-42',
      'content-type': 'application/json',
    });
  });

  it('keep the CSRF token off reads', async () => {
    const { client, calls } = answering(200, [category], {}, session);
    await client.get('/api/admin/categories');
    expect(headersOf(calls[0]!)).not.toHaveProperty('x-csrf-token');
    expect(headersOf(calls[0]!)['x-request-id']).toBe('edge-42');
    expect(headersOf(calls[0]!).authorization).toBe('Bearer tok');
  });

  it('resolve a 204 to undefined', async () => {
    const { client, calls } = answering(204, undefined, {}, session);
    expect(
      await client.delete('/api/admin/categories/{id}', { params: { id: 3 } }),
    ).toBeUndefined();
    expect(calls[0]!.url).toBe('http://api.test/api/admin/categories/3');
  });

  it('send a form as multipart, without a JSON content type', async () => {
    const form = new FormData();
    form.set('file', new File(['x'], 'x.png'));
    const { client, calls } = answering(
      500,
      { statusCode: 500, error: 'x', message: 'x' },
      {},
      session,
    );
    await client.post('/api/admin/images', { body: form }).catch(() => undefined);
    expect(calls[0]!.init?.body).toBe(form);
    expect(headersOf(calls[0]!)).not.toHaveProperty('content-type');
  });

  it('add the headers of one call', async () => {
    const created = { id: 1, awaitingModeration: true };
    const { client, calls } = answering(201, created);
    const comment = { authorName: 'Ann', authorEmail: 'ann@example.com', body: 'Hello' };
    expect(
      await client.post('/api/posts/{slug}/comments', {
        params: { slug: 'a' },
        body: comment,
        headers: { 'user-agent': 'Reader/1.0' },
      }),
    ).toEqual(created);
    expect(headersOf(calls[0]!)['user-agent']).toBe('Reader/1.0');
  });
});
