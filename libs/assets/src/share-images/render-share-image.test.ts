import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import { AssetValidationError } from '../thumbnails/errors.js';
import { renderShareImage } from './render-share-image.js';
import { shareImageKey } from './share-image-key.js';
import { ShareImageStore } from './share-image-store.js';

const text = { title: 'Caching without tears: tags, generations and Redis', siteName: 'Inkwell' };

describe('renderShareImage', () => {
  test('draws a 1200x630 PNG with ink on it', async () => {
    const png = await renderShareImage(text);
    const image = sharp(png);
    expect(await image.metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
    // Not a blank page: the title's dark letters make some pixels far darker than the paper.
    const { channels } = await image.stats();
    expect(channels[0]!.min).toBeLessThan(80);
    expect(channels[0]!.max).toBeGreaterThan(240);
  });

  test('refuses an empty or absurdly long title with a 400, drawing nothing', async () => {
    for (const title of ['  ', 'x'.repeat(5000)]) {
      const refused = await renderShareImage({ ...text, title }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AssetValidationError);
      expect(refused).toMatchObject({ status: 400, message: expect.stringMatching(/^title/) });
    }
  });

  test('draws a long title and letters beyond Latin', async () => {
    const png = await renderShareImage({
      title: `Ωμέγα и кириллица ${'word '.repeat(60)}`,
      siteName: 'Ü',
    });
    expect(await sharp(png).metadata()).toMatchObject({ width: 1200, height: 630 });
  });
});

describe('shareImageKey', () => {
  test('is the same for the same text and changes with the title or the site name', () => {
    expect(shareImageKey(text)).toMatch(/^[a-f0-9]{16}$/);
    expect(shareImageKey({ ...text })).toBe(shareImageKey(text));
    expect(shareImageKey({ ...text, title: `${text.title}!` })).not.toBe(shareImageKey(text));
    expect(shareImageKey({ ...text, siteName: 'Other' })).not.toBe(shareImageKey(text));
  });
});

describe('ShareImageStore', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  test('draws a picture once, then serves the file it kept under its key', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'share-images-'));
    dirs.push(cacheDir);
    let drawn = 0;
    const store = new ShareImageStore({
      cacheDir,
      render: async (drawnText) => {
        drawn += 1;
        return renderShareImage(drawnText);
      },
    });
    const [first, joined] = await Promise.all([store.get(text), store.get(text)]);
    const again = await store.get(text);
    expect(drawn).toBe(1);
    expect(first).toMatchObject({ key: shareImageKey(text), mime: 'image/png', fromCache: false });
    expect(joined.path).toBe(first.path);
    expect(again).toMatchObject({ path: first.path, bytes: first.bytes, fromCache: true });
    expect(again.cacheControl).toContain('immutable');
    expect((await readFile(again.path)).subarray(1, 4).toString()).toBe('PNG');
  });
});
