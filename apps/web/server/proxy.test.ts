import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { selfSignedCertificate } from '@inkwell/test-stack';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProxy, createApiProxy } from './proxy.js';

/** Echoes a request as JSON, with the upstream's own header; paths with "missing" get a 404. */
function echo(req: http.IncomingMessage, res: http.ServerResponse) {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    res.writeHead(req.url?.includes('missing') ? 404 : 200, {
      'content-type': 'application/json',
      'x-upstream': 'yes',
    });
    res.end(JSON.stringify({ method: req.method, url: req.url, body, headers: req.headers }));
  });
}

/** A stand-in API: echoes requests as JSON and echoes websocket-style upgraded bytes. */
function startUpstream() {
  const upstream = http.createServer(echo);
  upstream.on('upgrade', (req, socket) => {
    if (req.url !== '/realtime/ws') {
      socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 2\r\nConnection: close\r\n\r\nno');
      return;
    }
    socket.write(
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n',
    );
    socket.on('data', (data: Buffer) => socket.write(`echo:${data.toString()}`));
  });
  return upstream;
}

const listen = (server: http.Server | https.Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

describe('createApiProxy', () => {
  const upstream = startUpstream();
  const app = express();
  const front = http.createServer(app);
  let frontUrl = '';

  let upstreamHost = '';

  beforeAll(async () => {
    const upstreamPort = await listen(upstream);
    upstreamHost = `127.0.0.1:${upstreamPort}`;
    const proxy = createApiProxy(`http://127.0.0.1:${upstreamPort}`);
    app.use(['/realtime', '/images'], (req, res) => proxy.forward(req, res));
    app.use((_req, res) => res.status(418).send('not proxied'));
    front.on('upgrade', (req, socket, head) => proxy.tunnel(req, socket, head));
    frontUrl = `http://127.0.0.1:${await listen(front)}`;
  });

  afterAll(() => {
    front.closeAllConnections();
    upstream.closeAllConnections();
    front.close();
    upstream.close();
  });

  it('forwards method, full path, body and status, and returns upstream headers', async () => {
    const response = await fetch(`${frontUrl}/realtime/meta?x=1`, {
      method: 'POST',
      body: 'hello',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-upstream')).toBe('yes');
    const echoed = (await response.json()) as {
      method: string;
      url: string;
      body: string;
      headers: Record<string, string>;
    };
    expect(echoed).toMatchObject({ method: 'POST', url: '/realtime/meta?x=1', body: 'hello' });
    expect(echoed.headers['x-forwarded-for']).toContain('127.0.0.1');
    expect(echoed.headers['x-forwarded-host']).toBe(new URL(frontUrl).host);
    expect(echoed.headers['x-forwarded-proto']).toBe('http');
    expect(echoed.headers.host).toBe(upstreamHost);
  });

  it('adds the reader to an X-Forwarded-For it was given', async () => {
    const response = await fetch(`${frontUrl}/images/a.png`, {
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });
    const echoed = (await response.json()) as { headers: Record<string, string> };
    expect(echoed.headers['x-forwarded-for']).toMatch(/^203\.0\.113\.7, .*127\.0\.0\.1$/);
  });

  it('passes upstream error statuses through', async () => {
    const response = await fetch(`${frontUrl}/images/missing.png`);
    expect(response.status).toBe(404);
  });

  it('leaves other paths alone', async () => {
    expect((await fetch(`${frontUrl}/posts/x`)).status).toBe(418);
  });

  it('tunnels an upgraded connection both ways', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const request = http.request(`${frontUrl}/realtime/ws`, {
        headers: { connection: 'Upgrade', upgrade: 'websocket' },
      });
      request.on('upgrade', (res, socket) => {
        expect(res.statusCode).toBe(101);
        socket.once('data', (data: Buffer) => {
          resolve(data.toString());
          socket.destroy();
        });
        socket.write('ping');
      });
      request.on('error', reject);
      request.end();
    });
    expect(reply).toBe('echo:ping');
  });

  it('survives a reader resetting an upgraded connection', async () => {
    await new Promise<void>((resolve, reject) => {
      const request = http.request(`${frontUrl}/realtime/ws`, {
        headers: { connection: 'Upgrade', upgrade: 'websocket' },
      });
      request.on('upgrade', (_res, socket) => {
        socket.once('data', () => {
          // A closed browser tab: a TCP reset, which the site reads as ECONNRESET.
          socket.resetAndDestroy();
          setTimeout(resolve, 100);
        });
        socket.write('ping');
      });
      request.on('error', reject);
      request.end();
    });
    expect((await fetch(`${frontUrl}/realtime/connect`)).status).toBe(200);
  });

  it('relays a refused upgrade', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const request = http.request(`${frontUrl}/realtime/other`, {
        headers: { connection: 'Upgrade', upgrade: 'websocket' },
      });
      request.on('response', (res) => {
        resolve(res.statusCode);
        res.resume();
      });
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(400);
  });

  it('answers 502 when the API is down', async () => {
    const proxy = createApiProxy('http://127.0.0.1:1');
    const server = http.createServer((req, res) => proxy.forward(req, res));
    const port = await listen(server);
    const response = await fetch(`http://127.0.0.1:${port}/images/a.png`);
    expect(response.status).toBe(502);
    server.close();
  });

  describe('with an API that holds requests', () => {
    let heldRequestsClosed = 0;
    const silent = http.createServer((req) => req.socket.once('close', () => heldRequestsClosed++));
    let proxy: ApiProxy;
    // Images get a 200 ms deadline; realtime long-polls wait without one.
    const front = http.createServer((req, res) =>
      proxy.forward(req, res, { timeoutMs: req.url?.startsWith('/images') ? 200 : undefined }),
    );
    let url = '';

    beforeAll(async () => {
      proxy = createApiProxy(`http://127.0.0.1:${await listen(silent)}`);
      url = `http://127.0.0.1:${await listen(front)}`;
    });

    afterAll(() => {
      for (const server of [silent, front]) {
        server.closeAllConnections();
        server.close();
      }
    });

    it('answers 504 once the deadline passes', async () => {
      const response = await fetch(`${url}/images/a.png`, { signal: AbortSignal.timeout(5_000) });
      expect(response.status).toBe(504);
      // The request to the API is given up too.
      await expect.poll(() => heldRequestsClosed).toBe(1);
    });

    it('answers the requests without a deadline with 503 when the server stops', async () => {
      const longPoll = fetch(`${url}/realtime/connect`, { signal: AbortSignal.timeout(5_000) });
      await new Promise((resolve) => setTimeout(resolve, 200));
      proxy.endWaiting();
      const response = await longPoll;
      expect(response.status).toBe(503);
      expect(response.headers.get('connection')).toBe('close');
    });
  });

  describe('with an https API', () => {
    const certDir = mkdtempSync(path.join(tmpdir(), 'inkwell-proxy-tls-'));
    const { keyFile, certFile } = selfSignedCertificate(certDir);
    const cert = readFileSync(certFile, 'utf8');
    const tlsApi = https.createServer({ key: readFileSync(keyFile), cert }, echo);
    let apiUrl = '';

    beforeAll(async () => {
      apiUrl = `https://127.0.0.1:${await listen(tlsApi)}`;
    });

    afterAll(() => {
      tlsApi.closeAllConnections();
      tlsApi.close();
      rmSync(certDir, { recursive: true, force: true });
    });

    async function fetchThrough(proxy: ApiProxy) {
      const server = http.createServer((req, res) => proxy.forward(req, res));
      const port = await listen(server);
      try {
        return await fetch(`http://127.0.0.1:${port}/images/a.png`);
      } finally {
        server.closeAllConnections();
        server.close();
      }
    }

    it('forwards to it when given its certificate to trust', async () => {
      const response = await fetchThrough(createApiProxy(apiUrl, { ca: cert }));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ url: '/images/a.png' });
    });

    it('still verifies the certificate: an untrusted one is a 502', async () => {
      expect((await fetchThrough(createApiProxy(apiUrl))).status).toBe(502);
    });
  });
});
