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
import { createSharpEngine } from './sharp-engine.js';

const engine = createSharpEngine();
let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  temp = await makeTempDir();
});
afterAll(() => temp.remove());

async function source(name: string, bytes: Buffer): Promise<string> {
  const path = join(temp.path, name);
  await writeFile(path, bytes);
  return path;
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
    const sourcePath = await source(`noise-${format}.png`, await noise(120, 80).png().toBuffer());
    const out = await engine.render({ sourcePath, width: 60, height: 40, format, quality: 60 });
    expect(await sharp(out).metadata()).toMatchObject({ format: reported, width: 60, height: 40 });
  });

  it('applies EXIF orientation and drops all EXIF, GPS included', async () => {
    const original = await rotatedJpegWithGps(80, 40);
    const input = await sharp(original).metadata();
    // The fixture really carries an orientation and a GPS directory.
    expect(input.orientation).toBe(6);
    expect(exifIfd0Tags(input.exif!)).toContain(GPS_IFD_TAG);

    const sourcePath = await source('rotated.jpg', original);
    const out = await engine.render({
      sourcePath,
      width: 20,
      height: 40,
      format: 'jpeg',
      quality: 90,
    });
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

    const sourcePath = await source('p3.png', p3);
    const out = await engine.render({
      sourcePath,
      width: 16,
      height: 16,
      format: 'webp',
      quality: 100,
    });
    const output = await sharp(out).metadata();
    expect(output.space).toBe('srgb');
    expect(output.icc).toBeUndefined();
    const rendered = await pixel(out, 8, 8);
    rendered.forEach((channel, index) => expect(Math.abs(channel - srgb[index]!)).toBeLessThan(4));
  });

  it('refuses to render an original over the pixel limit', async () => {
    const sourcePath = await source('large.png', await noise(100, 100).png().toBuffer());
    const small = createSharpEngine({ maxPixels: 5_000 });
    await expect(
      small.render({ sourcePath, width: 10, height: 10, format: 'jpeg', quality: 80 }),
    ).rejects.toThrow(/pixel limit/);
  });
});
