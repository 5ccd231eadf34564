import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfSignedCertificate } from '@inkwell/test-stack';
import { startWebServer, type WebServer } from '../stack.js';
import { apiUrl } from './support.js';

/*
 * How the site reaches its API: over https with a certificate from a private CA
 * (NODE_EXTRA_CA_CERTS), and with a deadline on every call, so an API that stalls costs a
 * reader a 504 page after API_TIMEOUT_MS instead of a page that never comes.
 */

const servers: net.Server[] = [];
const sites: WebServer[] = [];
let certDir: string;

beforeAll(async () => {
  certDir = await mkdtemp(path.join(tmpdir(), 'inkwell-tls-'));
});

afterAll(async () => {
  await Promise.all(sites.map((site) => site.stop()));
  for (const server of servers) {
    if (server instanceof http.Server) server.closeAllConnections();
    server.close();
  }
  await rm(certDir, { recursive: true, force: true });
});

async function listen(server: net.Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('an https API_URL', () => {
  it('serves pages and proxied paths through a TLS front of the API', async () => {
    const { keyFile, certFile } = selfSignedCertificate(certDir);
    const api = new URL(apiUrl);
    // TLS in front of the real API, as a load balancer terminating https would be.
    const front = tls.createServer(
      { key: await readFile(keyFile), cert: await readFile(certFile) },
      (socket) => {
        const upstream = net.connect(Number(api.port), api.hostname);
        socket.pipe(upstream).pipe(socket);
        socket.on('error', () => upstream.destroy());
        upstream.on('error', () => socket.destroy());
      },
    );
    const port = await listen(front);
    const site = await startWebServer(`https://127.0.0.1:${port}`, {
      NODE_EXTRA_CA_CERTS: certFile,
    });
    sites.push(site);

    const home = await fetch(`${site.webUrl}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<article');
    // The proxy reached the API: the API's own answer for an image it does not have.
    const imagePath = `/images/${'0'.repeat(64)}/400.webp`;
    const image = await fetch(`${site.webUrl}${imagePath}`);
    expect(image.status).toBe((await fetch(`${apiUrl}${imagePath}`)).status);
    expect(image.status).toBeLessThan(500);
    // And its Bayeux endpoint: a GET without a message is the API's own 400.
    const realtime = await fetch(`${site.webUrl}/realtime`);
    expect(realtime.status).toBe((await fetch(`${apiUrl}/realtime`)).status);
    expect(realtime.status).toBe(400);
  });
});

describe('an API that stops answering', () => {
  let site: WebServer;

  beforeAll(async () => {
    // Alive to the site's health check, silent to everything else.
    const stalled = http.createServer((req, res) => {
      if (req.url === '/__lbheartbeat__') res.end('OK');
    });
    const port = await listen(stalled);
    site = await startWebServer(`http://127.0.0.1:${port}`, { API_TIMEOUT_MS: '500' });
    sites.push(site);
  });

  it.each(['/', '/search?q=rust', '/admin/login'])(
    'costs a reader of %s a 504 page after API_TIMEOUT_MS',
    async (page) => {
      const started = Date.now();
      const response = await fetch(`${site.webUrl}${page}`, {
        signal: AbortSignal.timeout(10_000),
      });
      expect(response.status).toBe(504);
      expect(await response.text()).toContain('taking too long');
      expect(Date.now() - started).toBeLessThan(8_000);
    },
  );

  it('answers a proxied image with a 504 after API_TIMEOUT_MS', async () => {
    const response = await fetch(`${site.webUrl}/images/1/photo.webp`, {
      signal: AbortSignal.timeout(10_000),
    });
    expect(response.status).toBe(504);
  });
});
