import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../shared/atomic-write.js';
import { type ThumbnailEngine } from './engine.js';
import { AssetValidationError } from './errors.js';
import { THUMBNAIL_EXTENSION, THUMBNAIL_MIME, type ThumbnailFormat } from './formats.js';
import { assertContentHash } from './names.js';
import { type OriginalStore, type StoredImage } from './original-store.js';
import { SingleFlight } from './single-flight.js';
import { thumbnailSize, type ImageSize } from './thumbnail-size.js';

export const DEFAULT_THUMBNAIL_WIDTHS: readonly number[] = [320, 640, 960, 1280, 1920];
export const DEFAULT_THUMBNAIL_QUALITY: Readonly<Record<ThumbnailFormat, number>> = {
  avif: 50,
  webp: 75,
  jpeg: 80,
};
/** A thumbnail's bytes never change for its URL, so browsers and CDNs may keep it for a year. */
export const THUMBNAIL_CACHE_CONTROL = 'public, max-age=31536000, immutable';

export interface ThumbnailServiceOptions {
  originals: OriginalStore;
  /** Directory of generated thumbnails; safe to delete, it refills on demand. */
  cacheDir: string;
  engine: ThumbnailEngine;
  /** Widths a client may ask for. Default DEFAULT_THUMBNAIL_WIDTHS. */
  widths?: readonly number[];
  quality?: Partial<Record<ThumbnailFormat, number>>;
}

export interface ThumbnailQuery {
  width: number;
  format: ThumbnailFormat;
}

export interface Thumbnail extends ImageSize {
  /** File to stream to the client. */
  path: string;
  format: ThumbnailFormat;
  mime: string;
  etag: string;
  cacheControl: string;
  bytes: number;
  /** False when this call (or a concurrent one it joined) had the engine make the file. */
  fromCache: boolean;
}

/** Thumbnails made on demand from stored originals, cached on disk, each made once. */
export class ThumbnailService {
  readonly widths: readonly number[];
  private readonly quality: Record<ThumbnailFormat, number>;
  private readonly inFlight = new SingleFlight<Thumbnail>();

  constructor(private readonly options: ThumbnailServiceOptions) {
    this.widths = [...(options.widths ?? DEFAULT_THUMBNAIL_WIDTHS)].sort((a, b) => a - b);
    this.quality = { ...DEFAULT_THUMBNAIL_QUALITY, ...options.quality };
  }

  /** The stored description of an original (its displayed width and height, type, size). */
  describe(hash: string): Promise<StoredImage> {
    return this.options.originals.describe(hash);
  }

  /**
   * The thumbnail of `hash` at `width` (clamped to the original's width) in `format`, from the
   * disk cache or made now. Throws an AssetValidationError for a bad hash, a width outside the
   * allowed set or an unknown image, before anything is written.
   */
  async get(hash: string, { width, format }: ThumbnailQuery): Promise<Thumbnail> {
    assertContentHash(hash);
    if (!this.widths.includes(width)) {
      throw new AssetValidationError(
        'width-not-allowed',
        `Width ${width} is not offered; use one of ${this.widths.join(', ')}.`,
      );
    }
    const original = await this.options.originals.describe(hash);
    const size = thumbnailSize(original, width);
    const quality = this.quality[format];
    const path = join(
      this.options.cacheDir,
      hash.slice(0, 2),
      hash,
      `${size.width}w-q${quality}.${THUMBNAIL_EXTENSION[format]}`,
    );
    const described = {
      ...size,
      path,
      format,
      mime: THUMBNAIL_MIME[format],
      // The file's content is a function of these four values, so they make a strong ETag.
      etag: `"${hash.slice(0, 32)}-${size.width}w-q${quality}-${format}"`,
      cacheControl: THUMBNAIL_CACHE_CONTROL,
    };
    const cachedBytes = await fileSize(path);
    if (cachedBytes !== undefined) return { ...described, bytes: cachedBytes, fromCache: true };
    return this.inFlight.run(path, async () => {
      const rendered = await this.options.engine.render({
        sourcePath: this.options.originals.originalPath(hash),
        ...size,
        format,
        quality,
      });
      await writeFileAtomic(path, rendered);
      return { ...described, bytes: rendered.byteLength, fromCache: false };
    });
  }
}

async function fileSize(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
