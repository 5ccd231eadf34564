import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { noise, pngClaimingSize, rotatedJpegWithGps, solid } from '../../test/support/images.js';
import { AssetValidationError } from './errors.js';
import { inspectUpload } from './inspect-upload.js';

const limits = { maxBytes: 1_000_000, maxPixels: 4_000_000 };

async function rejection(promise: Promise<unknown>): Promise<AssetValidationError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AssetValidationError);
  return error as AssetValidationError;
}

describe('inspectUpload', () => {
  it.each([
    ['jpeg', 'image/jpeg', 'jpg'],
    ['png', 'image/png', 'png'],
    ['webp', 'image/webp', 'webp'],
    ['avif', 'image/avif', 'avif'],
    ['gif', 'image/gif', 'gif'],
  ] as const)('accepts %s and describes it', async (format, mime, extension) => {
    const bytes = await noise(48, 32).toFormat(format).toBuffer();
    const upload = await inspectUpload(bytes, `photo.${extension}`, limits);
    expect(upload).toEqual({
      hash: createHash('sha256').update(bytes).digest('hex'),
      mime,
      extension,
      width: 48,
      height: 32,
      bytes: bytes.byteLength,
    });
  });

  it('takes the type from the content, not from the file name', async () => {
    const png = await noise(16, 16).png().toBuffer();
    expect((await inspectUpload(png, 'lies.jpg', limits)).mime).toBe('image/png');
  });

  it('reports the displayed size of an image with EXIF orientation', async () => {
    const upload = await inspectUpload(await rotatedJpegWithGps(80, 40), 'phone.jpg', limits);
    expect([upload.width, upload.height]).toEqual([40, 80]);
  });

  it('refuses bytes that are not an image', async () => {
    const error = await rejection(inspectUpload(Buffer.from('%PDF-1.7 hello'), 'a.jpg', limits));
    expect(error.code).toBe('not-an-image');
    expect(error.status).toBe(415);
  });

  it.each(['jpeg', 'png'] as const)('refuses a truncated %s', async (format) => {
    const whole = await noise(200, 150).toFormat(format).toBuffer();
    const error = await rejection(inspectUpload(whole.subarray(0, whole.length / 2), 'a', limits));
    expect(error.code).toBe('corrupt-image');
    expect(error.status).toBe(422);
  });

  it('refuses a decompression bomb from its header', async () => {
    const error = await rejection(
      inspectUpload(await pngClaimingSize(60_000, 60_000), 'b', limits),
    );
    expect(error.code).toBe('too-many-pixels');
    expect(error.message).toContain('60000x60000');
  });

  it('refuses a file over the size limit', async () => {
    const bytes = await noise(64, 64).png().toBuffer();
    const error = await rejection(inspectUpload(bytes, 'big.png', { maxBytes: 100 }));
    expect(error.code).toBe('file-too-large');
    expect(error.status).toBe(413);
  });

  it.each([
    ['TIFF', () => solid(8, 8, [0, 0, 0]).tiff().toBuffer()],
    [
      'SVG',
      async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>'),
    ],
  ])('refuses an image format outside the accepted set (%s)', async (_name, make) => {
    const error = await rejection(inspectUpload(await make(), 'x', limits));
    expect(error.code).toBe('unsupported-format');
  });

  it.each(['../etc/passwd', 'a/b.jpg', 'a\\b.jpg', '..', '', 'a\u0000.jpg'])(
    'refuses the file name %j',
    async (name) => {
      const bytes = await noise(8, 8).png().toBuffer();
      expect((await rejection(inspectUpload(bytes, name, limits))).code).toBe('invalid-name');
    },
  );
});
