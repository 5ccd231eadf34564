import { type OriginalStore } from '@inkwell/assets/thumbnails';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ORIGINALS } from '../src/core/tokens.js';
import { startTestApi, type TestApi } from './test-api.js';

let api: TestApi;
let hash: string;

beforeAll(async () => {
  api = await startTestApi('pglite', { categories: [], posts: [] });
  const photo = await sharp({
    create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 30, b: 30 } },
  })
    .jpeg()
    .toBuffer();
  const stored = await api.app
    .get<OriginalStore>(ORIGINALS)
    .save(photo, 'photo.jpg', { maxBytes: 5_000_000 });
  hash = stored.hash;
});
afterAll(() => api?.close());

test('a thumbnail is made on demand, sized, immutable and revalidated by ETag', async () => {
  const res = await api.http.get(`/images/${hash}/320.webp`).buffer(true).expect(200);
  expect(res.headers['content-type']).toBe('image/webp');
  expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  const meta = await sharp(res.body as Buffer).metadata();
  expect([meta.format, meta.width, meta.height]).toEqual(['webp', 320, 240]);
  await api.http
    .get(`/images/${hash}/320.webp`)
    .set('If-None-Match', res.headers.etag!)
    .expect(304);
  // Larger than the original: served at the original's width, never upscaled.
  const big = await api.http.get(`/images/${hash}/1920.jpg`).buffer(true).expect(200);
  expect((await sharp(big.body as Buffer).metadata()).width).toBe(800);
});

test.each([
  [`/images/HASH/333.webp`, 400],
  [`/images/HASH/320.png`, 400],
  [`/images/HASH/320`, 400],
  [`/images/${'0'.repeat(64)}/320.webp`, 404],
  ['/images/..%2F..%2Fetc%2Fpasswd/320.webp', 400],
  ['/images/not-a-hash/320.webp', 400],
])('%s answers %i', async (url, status) => {
  const res = await api.http.get(url.replace('HASH', hash)).expect(status);
  expect(res.body.message).toEqual(expect.any(String));
});
