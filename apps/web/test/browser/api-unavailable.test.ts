import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createConnection, createServer, type Server } from 'node:net';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { freePort } from '@inkwell/test-stack';
import { apiUrl, connectBrowser } from './support.js';
import { logMessages } from '../log-messages.js';

/*
 * A second site in front of an API address where nothing listens yet, as when the site starts
 * before the API. The API "comes up" when a forwarder to the real test API opens that address.
 */

const webRoot = path.resolve(import.meta.dirname, '../..');
let site: ChildProcess;
let siteUrl: string;
let siteLog = '';
let apiPort: number;
let forwarder: Server | undefined;
let browser: Browser;

beforeAll(async () => {
  apiPort = await freePort();
  const webPort = await freePort();
  siteUrl = `http://127.0.0.1:${webPort}`;
  site = spawn(process.execPath, ['.browser-test/build/node/server/main.js'], {
    cwd: webRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      API_URL: `http://127.0.0.1:${apiPort}`,
      WEB_PORT: String(webPort),
      PAGE_CACHE_SECONDS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  site.stdout?.on('data', (chunk: Buffer) => (siteLog += chunk.toString()));
  site.stderr?.on('data', (chunk: Buffer) => (siteLog += chunk.toString()));
  await vi.waitFor(() => expect(siteLog).toMatch(/Web listening on/), { timeout: 20_000 });
  browser = await connectBrowser();
});

afterAll(async () => {
  await browser?.close();
  site.kill('SIGTERM');
  await new Promise<void>((resolve) => forwarder?.close(() => resolve()) ?? resolve());
});

/** Opens the API's address: connections are piped to the real test API. */
function bringApiUp(): Promise<void> {
  const target = new URL(apiUrl);
  forwarder = createServer((socket) => {
    const upstream = createConnection(Number(target.port), target.hostname);
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  return new Promise((resolve) => forwarder!.listen(apiPort, '127.0.0.1', resolve));
}

describe('the site while the API is not reachable', () => {
  test.each([
    ['a page', '/'],
    ['a post', '/posts/anything'],
    ['a data request', '/posts/anything.data'],
  ])('%s answers a short 503 page that asks to retry', async (_name, pathname) => {
    const response = await fetch(`${siteUrl}${pathname}`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toContain('<h1>Just a moment</h1>');
  });

  test("the site's own heartbeat answers: the process is up, only pages wait", async () => {
    const response = await fetch(`${siteUrl}/__lbheartbeat__`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  test('the log says so in one line, without a stack', () => {
    const apiLines = logMessages(siteLog).filter((line) => line.includes('API'));
    expect(apiLines).toEqual([
      `API not reachable at http://127.0.0.1:${apiPort}: pages answer 503 until it is`,
    ]);
    expect(siteLog).not.toMatch(/^\s+at /m);
  });

  test('a reader who waits on the page gets the site once the API is up, no restart', async () => {
    const page = await browser.newPage();
    const first = await page.goto(siteUrl);
    expect(first?.status()).toBe(503);
    await bringApiUp();
    // The 503 page refreshes itself after Retry-After seconds.
    await page.locator('.post-list h2 a').first().waitFor({ timeout: 15_000 });
    expect(await page.title()).toBe('Inkwell');
    expect((await fetch(`${siteUrl}/`)).status).toBe(200);
    expect(siteLog).toContain(`API reachable again at http://127.0.0.1:${apiPort}`);
    expect(siteLog).not.toMatch(/^\s+at /m);
  });
});
