import { request } from 'node:http';
import { type AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import compression from 'compression';
import express from 'express';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compressWholeBodies } from './whole-body-compression.js';

/** A page of the size of a post page, and one under compression()'s threshold. */
const PAGE = `<!DOCTYPE html><p>${'A paragraph of a post. '.repeat(1200)}</p>`;
const SMALL = '<p>short</p>';

let origin: string;
let close: () => Promise<void>;

beforeAll(async () => {
  const app = express();
  // As the site mounts them: compression() first, this nearer the routes.
  app.use(compression());
  app.use(compressWholeBodies);
  app.get('/whole', (_req, res) => {
    res.type('html');
    res.end(Buffer.from(PAGE));
  });
  app.get('/sent', (_req, res) => res.type('html').send(PAGE));
  app.get('/streamed', (_req, res) => {
    res.type('html');
    res.write(PAGE.slice(0, 1000));
    res.end(PAGE.slice(1000));
  });
  app.get('/small', (_req, res) => res.type('html').send(SMALL));
  app.get('/no-transform', (_req, res) => {
    res.setHeader('Cache-Control', 'no-transform');
    res.type('html').send(PAGE);
  });
  app.get('/image', (_req, res) => res.type('png').send(Buffer.from(PAGE)));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});

afterAll(() => close());

/** The raw answer: node's fetch would decode it. */
async function get(path: string, acceptEncoding: string, method = 'GET') {
  return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const sent = request(`${origin}${path}`, {
      method,
      headers: { 'accept-encoding': acceptEncoding },
    });
    sent.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

describe('a body sent whole', () => {
  test.each(['/whole', '/sent'])('%s is compressed once, with its length known', async (path) => {
    const { headers, body } = await get(path, 'gzip, deflate, br');
    expect(headers['content-encoding']).toBe('br');
    expect(Number(headers['content-length'])).toBe(body.length);
    expect(headers['transfer-encoding']).toBeUndefined();
    expect(headers.vary).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(body).toString()).toBe(PAGE);
  });

  test('is gzipped for a reader without brotli, and sent as it is for one without either', async () => {
    const gzipped = await get('/whole', 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(Number(gzipped.headers['content-length'])).toBe(gzipped.body.length);
    expect(gunzipSync(gzipped.body).toString()).toBe(PAGE);

    const plain = await get('/whole', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(PAGE);
  });

  test('is left alone when small, not to be transformed, not text, or a HEAD', async () => {
    for (const path of ['/small', '/no-transform', '/image']) {
      const { headers } = await get(path, 'br');
      expect(headers['content-encoding'], path).toBeUndefined();
    }
    const head = await get('/whole', 'br', 'HEAD');
    expect(head.headers['content-encoding']).toBeUndefined();
    expect(head.body.length).toBe(0);
  });
});

test('a streamed body is still compressed by compression(), as a stream', async () => {
  const { headers, body } = await get('/streamed', 'br');
  expect(headers['content-encoding']).toBe('br');
  expect(headers['transfer-encoding']).toBe('chunked');
  expect(brotliDecompressSync(body).toString()).toBe(PAGE);
});
