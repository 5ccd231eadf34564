import { crc32 } from 'node:zlib';
import sharp, { type Sharp } from 'sharp';

/** A small image of random noise, so lossy formats cannot shrink it to nothing. */
export function noise(width: number, height: number): Sharp {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  });
}

export function solid(width: number, height: number, rgb: [number, number, number]): Sharp {
  const [r, g, b] = rgb;
  return sharp({ create: { width, height, channels: 3, background: { r, g, b } } });
}

/** A JPEG of `width` x `height` stored pixels, tagged to be displayed rotated 90 degrees. */
export async function rotatedJpegWithGps(width: number, height: number): Promise<Buffer> {
  // Red top-left corner on a blue field, so the rotation direction can be checked.
  const corner = await solid(Math.round(width / 4), Math.round(height / 4), [255, 0, 0])
    .png()
    .toBuffer();
  return solid(width, height, [0, 0, 255])
    .composite([{ input: corner, top: 0, left: 0 }])
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } })
    .toBuffer();
}

/**
 * A real PNG whose header claims `width` x `height` pixels: the shape of a decompression
 * bomb, which must be refused from its header alone.
 */
export async function pngClaimingSize(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await solid(8, 8, [1, 2, 3]).png().toBuffer());
  // Signature (8) + IHDR length (4) + type (4) then width and height, CRC after 13 data bytes.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

/** Tags of the first EXIF directory (IFD0), enough to see whether a GPS directory is linked. */
export function exifIfd0Tags(exif: Buffer): number[] {
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') + 6);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number): number => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number): number => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd0 = u32(4);
  return Array.from({ length: u16(ifd0) }, (_, index) => u16(ifd0 + 2 + index * 12));
}

export const GPS_IFD_TAG = 0x8825;
export const ORIENTATION_TAG = 0x0112;
