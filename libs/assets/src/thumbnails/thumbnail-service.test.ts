import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { solid } from '../../test/support/images.js';
import { listFiles, makeTempDir } from '../../test/support/temp-dir.js';
import { type ThumbnailEngine } from './engine.js';
import { createNoopEngine } from './noop-engine.js';
import { OriginalStore, type StoredImage } from './original-store.js';
import { createSharpEngine } from './sharp-engine.js';
import { THUMBNAIL_CACHE_CONTROL, ThumbnailService } from './thumbnail-service.js';
import { warmThumbnails, type WarmProgress } from './warm.js';

// These tests only need thumbnails to exist and be sized, so they run on the no-op engine;
// INKWELL_TEST_THUMBNAIL_ENGINE=sharp runs them on sharp to compare the suite's time.
const engineUnderTest = (): ThumbnailEngine =>
  process.env.INKWELL_TEST_THUMBNAIL_ENGINE === 'sharp' ? createSharpEngine() : createNoopEngine();

/** Counts renders, to see single-flight and caching from the outside. */
function counting(engine: ThumbnailEngine): ThumbnailEngine & { renders: number } {
  const counted = {
    name: engine.name,
    renders: 0,
    render: (request: Parameters<ThumbnailEngine['render']>[0]) => {
      counted.renders += 1;
      return engine.render(request);
    },
  };
  return counted;
}

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let originals: OriginalStore;
let engine: ReturnType<typeof counting>;
let cacheDir: string;
let image: StoredImage;

function service(widths = [320, 640, 960, 1280, 1920]): ThumbnailService {
  return new ThumbnailService({ originals, cacheDir, engine, widths });
}

beforeAll(async () => {
  temp = await makeTempDir();
  originals = new OriginalStore(`${temp.path}/originals`);
  const original = await solid(800, 600, [90, 140, 200]).jpeg().toBuffer();
  image = await originals.save(original, 'a.jpg', { maxBytes: 5_000_000 });
});
afterAll(() => temp.remove());

let testNumber = 0;
beforeEach(() => {
  // A fresh, empty cache for each test; the originals are shared.
  testNumber += 1;
  cacheDir = `${temp.path}/thumbnails-${testNumber}`;
  engine = counting(engineUnderTest());
});

describe('ThumbnailService', () => {
  it('makes a thumbnail at an allowed width with its headers', async () => {
    const thumbnail = await service().get(image.hash, { width: 320, format: 'webp' });
    expect(thumbnail).toMatchObject({
      width: 320,
      height: 240,
      format: 'webp',
      mime: 'image/webp',
      cacheControl: THUMBNAIL_CACHE_CONTROL,
      fromCache: false,
    });
    expect(thumbnail.cacheControl).toBe('public, max-age=31536000, immutable');
    expect((await readFile(thumbnail.path)).byteLength).toBe(thumbnail.bytes);
    expect(thumbnail.bytes).toBeGreaterThan(0);
  });

  it('gives the original width for a request above it', async () => {
    const thumbnail = await service().get(image.hash, { width: 1280, format: 'jpeg' });
    expect([thumbnail.width, thumbnail.height]).toEqual([800, 600]);
    const again = await service().get(image.hash, { width: 1920, format: 'jpeg' });
    expect(again.path).toBe(thumbnail.path);
    expect(again.fromCache).toBe(true);
  });

  it('serves the second request from the disk cache', async () => {
    const first = await service().get(image.hash, { width: 640, format: 'avif' });
    const second = await service().get(image.hash, { width: 640, format: 'avif' });
    expect(second).toEqual({ ...first, fromCache: true });
    expect(engine.renders).toBe(1);
  });

  it('makes a missing thumbnail once for concurrent requests', async () => {
    const thumbnails = service();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => thumbnails.get(image.hash, { width: 640, format: 'webp' })),
    );
    expect(engine.renders).toBe(1);
    expect(new Set(results.map((result) => result.path)).size).toBe(1);
    expect(await listFiles(cacheDir)).toHaveLength(1);
  });

  it('leaves one whole file when two processes make the same thumbnail', async () => {
    // Two services share nothing in memory, like two API processes sharing a disk.
    const [a, b] = await Promise.all([
      service().get(image.hash, { width: 320, format: 'jpeg' }),
      service().get(image.hash, { width: 320, format: 'jpeg' }),
    ]);
    expect(a.path).toBe(b.path);
    expect(await listFiles(cacheDir)).toEqual([expect.stringMatching(/320w-q80\.jpg$/)]);
    expect((await readFile(a.path)).byteLength).toBe(a.bytes);
  });

  it('derives distinct ETags from hash, width, format and quality', async () => {
    const etag = async (width: number, format: 'webp' | 'jpeg', quality = 75): Promise<string> =>
      (
        await new ThumbnailService({ originals, cacheDir, engine, quality: { webp: quality } }).get(
          image.hash,
          { width, format },
        )
      ).etag;
    const tags = [await etag(320, 'webp'), await etag(640, 'webp'), await etag(320, 'jpeg')];
    tags.push(await etag(320, 'webp', 40));
    expect(new Set(tags).size).toBe(4);
    expect(await etag(320, 'webp')).toBe(tags[0]);
    expect(tags[0]).toMatch(/^"[0-9a-f]{32}-320w-q75-webp"$/);
  });

  it('refuses a width outside the allowed set and writes nothing', async () => {
    await expect(service().get(image.hash, { width: 500, format: 'webp' })).rejects.toMatchObject({
      code: 'width-not-allowed',
      status: 400,
    });
    expect(await listFiles(cacheDir)).toEqual([]);
    expect(engine.renders).toBe(0);
  });

  it.each(['../../etc/passwd', `${'0'.repeat(63)}/`])(
    'refuses the hash %j and writes nothing',
    async (hash) => {
      await expect(service().get(hash, { width: 320, format: 'webp' })).rejects.toMatchObject({
        code: 'invalid-hash',
      });
      expect(await listFiles(cacheDir)).toEqual([]);
    },
  );

  it('answers not-found for an unknown image and writes nothing', async () => {
    await expect(
      service().get('e'.repeat(64), { width: 320, format: 'webp' }),
    ).rejects.toMatchObject({ code: 'not-found' });
    expect(await listFiles(cacheDir)).toEqual([]);
  });
});

describe('serving beside the maker (another process, same directories)', () => {
  /** A process that only finds thumbnails: the site, beside the API. */
  const finder = () => new ThumbnailService({ originals, cacheDir });

  it('finds a made thumbnail, reading the description once, and never makes one', async () => {
    const site = finder();
    expect(await site.find(image.hash, { width: 640, format: 'webp' })).toBeUndefined();
    const made = await service().get(image.hash, { width: 640, format: 'webp' });
    const reads = { count: 0 };
    const describe = originals.describe.bind(originals);
    const counted = new ThumbnailService({
      originals: Object.assign(Object.create(originals) as OriginalStore, {
        describe: (hash: string) => {
          reads.count += 1;
          return describe(hash);
        },
      }),
      cacheDir,
    });
    for (let i = 0; i < 3; i += 1)
      expect(await counted.find(image.hash, { width: 640, format: 'webp' })).toEqual({
        ...made,
        fromCache: true,
      });
    expect(reads.count).toBe(1);
    expect(engine.renders).toBe(1);
  });

  it('a deleted original is forgotten: no process serves its thumbnails again', async () => {
    const doomed = await originals.save(
      await solid(500, 500, [10, 200, 10]).png().toBuffer(),
      'doomed.png',
      { maxBytes: 5_000_000 },
    );
    const api = service();
    const site = finder();
    const query = { width: 320, format: 'webp' } as const;
    await api.get(doomed.hash, query);
    expect(await site.find(doomed.hash, query)).toMatchObject({ width: 320, fromCache: true });
    expect(await api.get(doomed.hash, query)).toMatchObject({ fromCache: true });

    // What deleting an image does: the original and its description, then forget it.
    const { rm } = await import('node:fs/promises');
    const original = originals.originalPath(doomed.hash);
    await rm(`${original}.json`);
    await rm(original);
    await api.forget(doomed.hash);

    expect(await site.find(doomed.hash, query)).toBeUndefined();
    await expect(api.get(doomed.hash, query)).rejects.toMatchObject({ code: 'not-found' });
    expect(await listFiles(cacheDir)).toEqual([]);
  });
});

describe('warmThumbnails', () => {
  it('makes each distinct size once and reports progress', async () => {
    const progress: WarmProgress[] = [];
    const thumbnails = service();
    const result = await warmThumbnails([image.hash], {
      thumbnails,
      formats: ['webp', 'jpeg'],
      onProgress: (step) => progress.push(step),
    });
    // 800 px wide: 320, 640 and 800 (960, 1280 and 1920 all clamp to 800).
    expect(result).toEqual({ made: 6, alreadyCached: 0, failures: [] });
    expect(progress.map((step) => [step.width, step.format, step.done, step.total])).toEqual([
      [320, 'webp', 1, 6],
      [320, 'jpeg', 2, 6],
      [640, 'webp', 3, 6],
      [640, 'jpeg', 4, 6],
      [960, 'webp', 5, 6],
      [960, 'jpeg', 6, 6],
    ]);
    expect(await listFiles(cacheDir)).toHaveLength(6);

    const again = await warmThumbnails([image.hash], { thumbnails, formats: ['webp', 'jpeg'] });
    expect(again).toEqual({ made: 0, alreadyCached: 6, failures: [] });
  });

  it('reports an unknown image and warms the others', async () => {
    const result = await warmThumbnails(['d'.repeat(64), image.hash], {
      thumbnails: service(),
      widths: [320],
      formats: ['jpeg'],
    });
    expect(result.made).toBe(1);
    expect(result.failures).toEqual([
      { hash: 'd'.repeat(64), error: expect.objectContaining({ code: 'not-found' }) },
    ]);
  });
});
