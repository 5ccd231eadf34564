import { createHash } from 'node:crypto';
import { type Metadata } from 'sharp';
import { AssetValidationError } from './errors.js';
import { UPLOAD_FORMATS, type UploadFormat, type UploadMime } from './formats.js';
import { loadSharp } from './load-sharp.js';
import { assertUploadName } from './names.js';

export interface UploadLimits {
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  /** Largest accepted width x height: the decompression-bomb guard. Default 50 megapixels. */
  maxPixels?: number;
}

export const DEFAULT_MAX_PIXELS = 50_000_000;

export interface InspectedUpload {
  /** sha256 of the bytes, lowercase hex: the image's id and storage key. */
  hash: string;
  mime: UploadMime;
  extension: string;
  /** Width and height as displayed, after EXIF orientation. */
  width: number;
  height: number;
  bytes: number;
}

/**
 * Checks that the bytes are a whole, decodable image of an accepted format and size, and
 * describes it. Throws an AssetValidationError for anything else. Decodes every pixel once,
 * because a truncated file has a valid header and only fails further in.
 */
export async function inspectUpload(
  bytes: Uint8Array,
  filename: string,
  limits: UploadLimits,
): Promise<InspectedUpload> {
  assertUploadName(filename);
  if (bytes.byteLength > limits.maxBytes) {
    throw new AssetValidationError(
      'file-too-large',
      `File is ${bytes.byteLength} bytes; the limit is ${limits.maxBytes} bytes.`,
    );
  }
  const limitInputPixels = limits.maxPixels ?? DEFAULT_MAX_PIXELS;
  const metadata = await readHeader(bytes);
  const format = uploadFormatOf(metadata);
  if (!format) {
    throw new AssetValidationError(
      'unsupported-format',
      `Images in ${metadata.format} format are not accepted; use JPEG, PNG, WebP, AVIF or GIF.`,
    );
  }
  const pixels = metadata.width * metadata.height;
  if (pixels > limitInputPixels) {
    throw tooManyPixels(metadata.width, metadata.height, limitInputPixels);
  }
  await decodeAllPixels(bytes, limitInputPixels);
  const { mime, extension } = UPLOAD_FORMATS[format];
  return {
    hash: createHash('sha256').update(bytes).digest('hex'),
    mime,
    extension,
    width: metadata.autoOrient.width,
    height: metadata.autoOrient.height,
    bytes: bytes.byteLength,
  };
}

/** Reads only the header, so the pixel count of a decompression bomb is known before decoding. */
async function readHeader(bytes: Uint8Array): Promise<Metadata> {
  const sharp = await loadSharp();
  try {
    return await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw decodeError(error, 'not-an-image', 'File is not an image sharp can read.');
  }
}

async function decodeAllPixels(bytes: Uint8Array, limitInputPixels: number): Promise<void> {
  const sharp = await loadSharp();
  try {
    // failOn 'error' rejects truncated and corrupt data but tolerates benign warnings.
    await sharp(bytes, { limitInputPixels, failOn: 'error' }).stats();
  } catch (error) {
    throw decodeError(error, 'corrupt-image', 'Image is truncated or corrupt.');
  }
}

function uploadFormatOf(metadata: Metadata): UploadFormat | undefined {
  if (metadata.format === 'heif') return metadata.compression === 'av1' ? 'avif' : undefined;
  return metadata.format in UPLOAD_FORMATS ? (metadata.format as UploadFormat) : undefined;
}

function decodeError(
  error: unknown,
  code: 'not-an-image' | 'corrupt-image',
  message: string,
): AssetValidationError {
  const detail = error instanceof Error ? error.message : String(error);
  if (detail.includes('exceeds pixel limit')) {
    return new AssetValidationError('too-many-pixels', 'Image has more pixels than allowed.');
  }
  return new AssetValidationError(code, `${message} (${detail.split('\n')[0]})`);
}

function tooManyPixels(width: number, height: number, limit: number): AssetValidationError {
  return new AssetValidationError(
    'too-many-pixels',
    `Image is ${width}x${height} (${width * height} pixels); the limit is ${limit} pixels.`,
  );
}
