import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { PublicJsonExpressAdapter } from './public-json-adapter.js';
import { toPublicJson } from './public-json.js';
import { publicCacheControl } from './public-read.js';

const servers: http.Server[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

/** An Express app whose one route answers through the adapter, as Nest's router does. */
async function serve(answer: unknown): Promise<string> {
  const adapter = new PublicJsonExpressAdapter(publicCacheControl(60));
  const app = adapter.getInstance<{
    get(path: string, handler: (request: unknown, response: never) => unknown): void;
  }>();
  app.get('/read', (_request, response) => adapter.reply(response, answer, 200));
  const server = http.createServer(adapter.getInstance()).listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/read`;
}

describe('PublicJsonExpressAdapter', () => {
  const view = { title: 'Ownership', tags: ['rust'] };
  const answer = toPublicJson(view, ['post:ownership', 'post-links', 'post:ownership']);

  test('sends the stored bytes with the public read headers', async () => {
    const response = await fetch(await serve(answer));
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(answer.body);
    const names = ['cache-control', 'surrogate-key', 'cache-tag', 'content-type', 'etag'];
    expect(Object.fromEntries(names.map((name) => [name, response.headers.get(name)]))).toEqual({
      'cache-control': 'public, max-age=0, must-revalidate, s-maxage=60',
      'surrogate-key': 'post:ownership post-links',
      'cache-tag': 'post:ownership,post-links',
      'content-type': 'application/json; charset=utf-8',
      etag: answer.etag,
    });
  });

  test('answers 304 with the headers to a matching If-None-Match, HEAD without a body', async () => {
    const url = await serve(answer);
    // Not fetch: with If-None-Match it adds `Cache-Control: no-cache`, which asks for the body.
    const revalidated = await new Promise<http.IncomingMessage>((resolve) =>
      http.get(url, { headers: { 'If-None-Match': answer.etag } }, resolve),
    );
    revalidated.resume();
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.headers.etag).toBe(answer.etag);
    expect(revalidated.headers['surrogate-key']).toBe('post:ownership post-links');
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe(String(answer.body.byteLength));
    expect(await head.text()).toBe('');
  });

  test('answers anything else as Nest does, with no public headers', async () => {
    const response = await fetch(await serve(view));
    expect(await response.json()).toEqual(view);
    expect(response.headers.get('surrogate-key')).toBeNull();
  });
});
