import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from './api.server.js';

/** A fetch that answers every request with `status` and `body`, recording what it was asked. */
function answering(status: number, body: unknown, headers: Record<string, string> = {}) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetchStub = (async (input: URL | RequestInfo, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
  }) as typeof fetch;
  return { calls, client: createApiClient({ baseUrl: 'http://api.test', fetch: fetchStub }) };
}

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
    html: '<p>Hello</p>',
  },
  comments: [],
  previous: null,
  next: null,
  related: [],
};

describe('getPost', () => {
  it('returns the post found under its slug', async () => {
    const { client, calls } = answering(200, detail);
    const lookup = await client.getPost('new-name');
    expect(lookup).toEqual({ found: detail });
    expect(calls[0]!.url).toBe('http://api.test/api/posts/new-name');
  });

  it('returns the new slug of a renamed post instead of following the redirect', async () => {
    const { client, calls } = answering(
      301,
      { statusCode: 301, slug: 'new-name', message: 'Moved Permanently' },
      { location: '/api/posts/new-name' },
    );
    expect(await client.getPost('old-name')).toEqual({ movedTo: 'new-name' });
    expect(calls[0]!.init?.redirect).toBe('manual');
  });

  it('raises a 301 without a slug as a contract error', async () => {
    const { client } = answering(301, { statusCode: 301 });
    await expect(client.getPost('old-name')).rejects.toThrow();
  });

  it('raises other statuses as ApiError', async () => {
    const { client } = answering(404, { statusCode: 404, message: 'Post not found' });
    const error: unknown = await client.getPost('missing').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
  });
});
