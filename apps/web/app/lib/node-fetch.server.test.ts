import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFetch } from './node-fetch.server.js';

/** Requests served per connection, to tell a kept-alive connection's later requests. */
const served = new WeakMap<object, number>();
let droppedReused = false;

/** A stand-in API: answers by path, echoing what it was sent. */
const server = http.createServer((req, res) => {
  served.set(req.socket, (served.get(req.socket) ?? 0) + 1);
  if (req.url === '/drops-reused' && !droppedReused && served.get(req.socket)! > 1) {
    // As an API closing an idle kept-alive connection while a request was on its way.
    droppedReused = true;
    req.socket.destroy();
    return;
  }
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    if (req.url === '/moved') {
      res.writeHead(301, { location: '/elsewhere', 'content-type': 'application/json' });
      res.end('{"slug":"elsewhere"}');
    } else if (req.url === '/empty') {
      res.writeHead(204).end();
    } else if (req.url === '/stalls') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"half":');
    } else {
      res.writeHead(200, { 'content-type': 'application/json', etag: 'W/"7"' });
      res.end(JSON.stringify({ method: req.method, accept: req.headers.accept, body }));
    }
  });
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('nodeFetch', () => {
  it('answers a read with its status, headers and body', async () => {
    const response = await nodeFetch(new URL(`${base}/posts`), {
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('W/"7"');
    expect(await response.json()).toEqual({ method: 'GET', accept: 'application/json', body: '' });
  });

  it('hands a redirect back instead of following it, and a 204 without a body', async () => {
    const moved = await nodeFetch(new URL(`${base}/moved`), { redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(await moved.json()).toEqual({ slug: 'elsewhere' });
    const empty = await nodeFetch(new URL(`${base}/empty`));
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
  });

  it('sends a request with a body through the global fetch', async () => {
    const response = await nodeFetch(new URL(`${base}/comments`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"hi"}',
    });
    expect(await response.json()).toMatchObject({ method: 'POST', body: '{"text":"hi"}' });
  });

  it('sends a read again on a new connection when the API closed the kept-alive one', async () => {
    await (await nodeFetch(new URL(`${base}/posts`))).json();
    const response = await nodeFetch(new URL(`${base}/drops-reused`));
    expect(droppedReused).toBe(true);
    expect(response.status).toBe(200);
  });

  it('rejects when its signal aborts while the body is still coming', async () => {
    const deadline = new AbortController();
    const answer = nodeFetch(new URL(`${base}/stalls`), { signal: deadline.signal });
    setTimeout(() => deadline.abort(), 50);
    await expect(answer).rejects.toThrow();
  });
});
