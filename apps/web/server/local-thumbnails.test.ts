import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { imageDirectories, OriginalStore } from '@inkwell/assets/thumbnails';
import { type ApiProcess, startApiProcess } from '@inkwell/test-stack';
import express from 'express';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localThumbnails } from './local-thumbnails.js';
import { createApiProxy } from './proxy.js';

/** What a thumbnail answer is made of: the bytes and the headers a browser or CDN acts on. */
async function answer(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return {
    status: response.status,
    body: Buffer.from(await response.arrayBuffer()),
    headers: Object.fromEntries(
      ['content-type', 'content-length', 'cache-control', 'etag'].map((name) => [
        name,
        response.headers.get(name),
      ]),
    ),
  };
}

describe('the site beside the API (one data directory)', () => {
  let dataDir: string;
  let api: ApiProcess;
  let site: http.Server;
  let siteUrl = '';
  let hash = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'inkwell-site-thumbnails-'));
    const photo = await sharp({
      create: { width: 800, height: 600, channels: 3, background: { r: 30, g: 90, b: 200 } },
    })
      .jpeg()
      .toBuffer();
    const stored = await new OriginalStore(imageDirectories(dataDir).originals).save(
      photo,
      'photo.jpg',
      { maxBytes: 5_000_000 },
    );
    hash = stored.hash;
    api = await startApiProcess({ DATA_DIR: dataDir, SEED_DEMO_CONTENT: 'false' });
    // The site's /images wiring: local files first, then the proxy to the API.
    const proxy = createApiProxy(api.url);
    const app = express();
    app.use('/images', localThumbnails(dataDir));
    app.use('/images', (req, res) => proxy.forward(req, res));
    site = http.createServer(app);
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  }, 120_000);

  afterAll(async () => {
    site?.close();
    await api?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('hands what it cannot serve to the API, which answers it', async () => {
    for (const path of [
      `/images/${'0'.repeat(64)}/320.webp`,
      `/images/${hash}/333.webp`,
      '/images/not-a-hash/320.webp',
    ]) {
      const fromSite = await answer(`${siteUrl}${path}`);
      expect(fromSite.status).toBeGreaterThanOrEqual(400);
      expect(fromSite).toEqual(await answer(`${api.url}${path}`));
    }
  });

  it('answers a thumbnail with the bytes and headers of the API, even once the API is gone', async () => {
    const path = `/images/${hash}/320.webp`;
    // Not made yet: the site hands it to the API, which makes it.
    const first = await answer(`${siteUrl}${path}`);
    expect(first.status).toBe(200);
    const fromApi = await answer(`${api.url}${path}`);
    expect(fromApi.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(first).toEqual(fromApi);

    await api.stop();
    const fromSite = await answer(`${siteUrl}${path}`);
    expect(fromSite).toEqual(fromApi);
    const revalidated = await answer(`${siteUrl}${path}`, {
      'If-None-Match': fromApi.headers.etag!,
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.byteLength).toBe(0);
  });
});
