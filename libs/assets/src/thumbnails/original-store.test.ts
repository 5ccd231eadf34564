import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noise, pngClaimingSize } from '../../test/support/images.js';
import { listFiles, makeTempDir } from '../../test/support/temp-dir.js';
import { type AssetErrorCode } from './errors.js';
import { OriginalStore } from './original-store.js';

const limits = { maxBytes: 200_000, maxPixels: 1_000_000 };
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let store: OriginalStore;

beforeEach(async () => {
  temp = await makeTempDir();
  store = new OriginalStore(temp.path);
});
afterEach(() => temp.remove());

describe('OriginalStore', () => {
  it('stores the bytes and their description under the content hash', async () => {
    const bytes = await noise(40, 30).jpeg().toBuffer();
    const image = await store.save(bytes, 'photo.jpg', limits);
    const prefix = image.hash.slice(0, 2);
    expect(await listFiles(temp.path)).toEqual([
      `${prefix}/${image.hash}`,
      `${prefix}/${image.hash}.json`,
    ]);
    expect(await readFile(store.originalPath(image.hash))).toEqual(bytes);
    expect(await store.describe(image.hash)).toEqual(image);
    expect(await store.has(image.hash)).toBe(true);
  });

  it('stores the same content once', async () => {
    const bytes = await noise(20, 20).png().toBuffer();
    const first = await store.save(bytes, 'a.png', limits);
    const second = await store.save(bytes, 'copy.png', limits);
    expect(second.hash).toBe(first.hash);
    expect(await listFiles(temp.path)).toHaveLength(2);
  });

  const badUploads: [string, AssetErrorCode, () => Promise<Buffer>, string?][] = [
    ['a non-image', 'not-an-image', async () => Buffer.from('just text')],
    [
      'a truncated file',
      'corrupt-image',
      async () => {
        const whole = await noise(120, 90).jpeg().toBuffer();
        return whole.subarray(0, whole.length / 2);
      },
    ],
    ['a decompression bomb', 'too-many-pixels', () => pngClaimingSize(50_000, 50_000)],
    ['a file over the size limit', 'file-too-large', () => noise(400, 300).png().toBuffer()],
    ['an unknown format', 'unsupported-format', () => noise(8, 8).tiff().toBuffer()],
    ['a path in the name', 'invalid-name', () => noise(8, 8).png().toBuffer(), '../../x.png'],
  ];
  it.each(badUploads)('refuses %s and writes nothing', async (_what, code, make, name) => {
    const error = await store.save(await make(), name ?? 'upload', limits).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AssetValidationError', code });
    expect(await listFiles(temp.path)).toEqual([]);
  });

  it.each(['../../../etc/passwd', 'ABCDEF', `${'a'.repeat(63)}/`])(
    'refuses the hash %j instead of building a path from it',
    async (hash) => {
      expect(() => store.originalPath(hash)).toThrow(
        expect.objectContaining({ code: 'invalid-hash' }),
      );
      await expect(store.describe(hash)).rejects.toMatchObject({ code: 'invalid-hash' });
    },
  );

  it('answers not-found for a well-formed hash it does not hold', async () => {
    await expect(store.describe('f'.repeat(64))).rejects.toMatchObject({
      code: 'not-found',
      status: 404,
    });
    expect(await store.has('f'.repeat(64))).toBe(false);
  });
});
