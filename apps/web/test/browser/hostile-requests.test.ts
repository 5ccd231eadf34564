import http from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { apiGet, type PostListing, webUrl } from './support.js';

/*
 * Requests no browser sends but anyone can: each once made the site answer 500. The site
 * answers them with the 4xx that says what was wrong, never a server error.
 */

let slug: string;

beforeAll(async () => {
  slug = (await apiGet<PostListing>('/api/posts')).items[0]!.slug;
});

const form = (fields: Record<string, string>) => ({
  'content-type': 'application/x-www-form-urlencoded',
  body: new URLSearchParams(fields).toString(),
});

/** A raw HTTP request, for headers fetch will not send as given (Host) and odd methods. */
function rawRequest(
  method: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  const url = new URL(webUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, method, path, headers, setHost: !headers.Host },
      (response) => {
        response.resume();
        response.once('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers }),
        );
      },
    );
    request.once('error', reject);
    request.end();
  });
}

describe('form actions', () => {
  it('refuse a body that is not a form with 415', async () => {
    const response = await fetch(`${webUrl}/posts/${slug}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: webUrl },
      body: '{}',
    });
    expect(response.status).toBe(415);
  });

  it.each(['/admin/setup', '/admin/login'])(
    'refuse a body without a form content type on %s with 415',
    async (page) => {
      const response = await fetch(`${webUrl}${page}`, {
        method: 'POST',
        headers: { origin: webUrl },
        body: new Blob(['no type']),
        redirect: 'manual',
      });
      expect(response.status).toBe(415);
    },
  );

  it.each(['PUT', 'DELETE', 'PATCH'])(
    'answer %s with 405 and the methods allowed',
    async (method) => {
      const response = await fetch(`${webUrl}/posts/${slug}`, { method, ...form({}) });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
    },
  );

  it('refuse a form posted from another site with 403', async () => {
    const { body, ...headers } = form({ authorName: 'A', authorEmail: 'a@b.c', body: 'Hi!' });
    const response = await fetch(`${webUrl}/posts/${slug}`, {
      method: 'POST',
      headers: { ...headers, origin: 'https://evil.example' },
      body,
      redirect: 'manual',
    });
    expect(response.status).toBe(403);
  });

  it('pass the API refusal of an over-long comment on as the form with its message', async () => {
    const { body, ...headers } = form({
      authorName: 'x'.repeat(81),
      authorEmail: 'reader@example.org',
      body: 'y'.repeat(5001),
    });
    const response = await fetch(`${webUrl}/posts/${slug}`, {
      method: 'POST',
      headers: { ...headers, origin: webUrl, 'x-forwarded-for': '198.51.100.77' },
      body,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('must be at most 80 characters');
  });
});

describe('methods and hosts', () => {
  it('answers TRACE with 405', async () => {
    expect((await rawRequest('TRACE', '/', {})).status).toBe(405);
  });

  it.each<Record<string, string>>([
    { Host: '127.0.0.1:70000' },
    { Host: 'example.org:99999' },
    { 'X-Forwarded-Host': 'example.org:65536' },
  ])('answers a bad host %o with 400', async (headers) => {
    expect((await rawRequest('GET', '/', headers)).status).toBe(400);
  });
});

describe('query strings the API refuses', () => {
  it.each([
    '/?page=100001',
    `/?category=${Array.from({ length: 11 }, (_, i) => `c${i}`).join(',')}`,
    `/?category=${'a'.repeat(101)}`,
    '/search?q=postgres&page=1001',
  ])('%s answers 400 with the site page', async (path) => {
    const response = await fetch(`${webUrl}${path}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('text/html');
  });
});

describe('admin forms', () => {
  let cookie: string;
  beforeAll(async () => {
    const { body, ...headers } = form(inject('admin'));
    const login = await fetch(`${webUrl}/admin/login`, {
      method: 'POST',
      headers: { ...headers, origin: webUrl },
      body,
      redirect: 'manual',
    });
    cookie = login.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
  });

  it('refuse a CSRF field that is not a valid header value with 403', async () => {
    const { body, ...headers } = form({ intent: 'create', name: 'Odd', csrf: 'a\nb' });
    const response = await fetch(`${webUrl}/admin/categories`, {
      method: 'POST',
      headers: { ...headers, origin: webUrl, cookie },
      body,
      redirect: 'manual',
    });
    expect(response.status).toBe(403);
  });

  it('answer an API refusal of their query with the same 4xx page', async () => {
    const response = await fetch(`${webUrl}/admin/comments?page=100001`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
  });
});
