import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GPS_IFD_TAG,
  exifIfd0Tags,
  noise,
  rotatedJpegWithGps,
  solid,
} from '../../test/support/images.js';
import { makeTempDir } from '../../test/support/temp-dir.js';
import { type ThumbnailFormat } from './formats.js';
import { createSharpEngine } from './sharp-engine.js';

const engine = createSharpEngine();
let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  temp = await makeTempDir();
});
afterAll(() => temp.remove());

/** Writes `bytes` as the original and renders it at quality 90. */
async function render(
  name: string,
  bytes: Buffer,
  [width, height]: [number, number],
  format: ThumbnailFormat,
  using = engine,
): Promise<Uint8Array> {
  const sourcePath = join(temp.path, name);
  await writeFile(sourcePath, bytes);
  return using.render({ sourcePath, width, height, format, quality: 90 });
}

async function pixel(image: Uint8Array, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + 3)];
}

describe('sharp engine', () => {
  it.each([
    ['avif', 'heif'],
    ['webp', 'webp'],
    ['jpeg', 'jpeg'],
  ] as const)('renders %s at the requested size', async (format, reported) => {
    const bytes = await noise(120, 80).png().toBuffer();
    const out = await render(`noise-${format}.png`, bytes, [60, 40], format);
    expect(await sharp(out).metadata()).toMatchObject({ format: reported, width: 60, height: 40 });
  });

  it('applies EXIF orientation and drops all EXIF, GPS included', async () => {
    const original = await rotatedJpegWithGps(80, 40);
    const input = await sharp(original).metadata();
    // The fixture really carries an orientation and a GPS directory.
    expect(input.orientation).toBe(6);
    expect(exifIfd0Tags(input.exif!)).toContain(GPS_IFD_TAG);

    const out = await render('rotated.jpg', original, [20, 40], 'jpeg');
    const output = await sharp(out).metadata();
    expect([output.width, output.height]).toEqual([20, 40]);
    expect(output.orientation).toBeUndefined();
    expect(output.exif).toBeUndefined();
    // Orientation 6 turns the stored top-left corner (red) into the top-right one.
    const [topRightRed] = await pixel(out, 18, 1);
    const [topLeftRed] = await pixel(out, 1, 1);
    expect(topRightRed).toBeGreaterThan(200);
    expect(topLeftRed).toBeLessThan(60);
  });

  it('converts a Display P3 image to sRGB and embeds no profile', async () => {
    const srgb: [number, number, number] = [200, 100, 50];
    // Stored as P3 numbers (with the P3 profile attached) for the same visible colour.
    const p3 = await solid(32, 32, srgb).withIccProfile('p3').png().toBuffer();
    const storedNumbers = await pixel(await sharp(p3, { ignoreIcc: true }).png().toBuffer(), 0, 0);
    expect(Math.abs(storedNumbers[0]! - srgb[0])).toBeGreaterThan(6);

    const out = await render('p3.png', p3, [16, 16], 'webp');
    const output = await sharp(out).metadata();
    expect(output.space).toBe('srgb');
    expect(output.icc).toBeUndefined();
    const rendered = await pixel(out, 8, 8);
    rendered.forEach((channel, index) => expect(Math.abs(channel - srgb[index]!)).toBeLessThan(4));
  });

  it('keeps transparency in WebP and puts it on white in JPEG', async () => {
    const transparent = await sharp({
      create: { width: 20, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const jpeg = await render('transparent.png', transparent, [10, 10], 'jpeg');
    expect(await pixel(jpeg, 5, 5)).toEqual([255, 255, 255]);
    const webp = await render('transparent.png', transparent, [10, 10], 'webp');
    expect((await sharp(webp).metadata()).hasAlpha).toBe(true);
  });

  it('refuses to render an original over the pixel limit', async () => {
    const bytes = await noise(100, 100).png().toBuffer();
    const small = createSharpEngine({ maxPixels: 5_000 });
    await expect(render('large.png', bytes, [10, 10], 'jpeg', small)).rejects.toThrow(
      /pixel limit/,
    );
  });
});
