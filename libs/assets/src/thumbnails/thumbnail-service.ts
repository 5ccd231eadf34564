import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../shared/atomic-write.js';
import { fileSize } from '../shared/file-size.js';
import { type ThumbnailEngine } from './engine.js';
import { AssetValidationError } from './errors.js';
import { THUMBNAIL_EXTENSION, THUMBNAIL_MIME, type ThumbnailFormat } from './formats.js';
import { assertContentHash } from './names.js';
import { type OriginalStore, type StoredImage } from './original-store.js';
import { BoundedMap } from './bounded-map.js';
import { SingleFlight } from './single-flight.js';
import { thumbnailSize, type ImageSize } from './thumbnail-size.js';
import { DEFAULT_THUMBNAIL_WIDTHS } from './widths.js';

export { DEFAULT_THUMBNAIL_WIDTHS };
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
  /** Makes missing thumbnails; without one, only `find` is of use. */
  engine?: ThumbnailEngine;
  /** Widths a client may ask for. Default DEFAULT_THUMBNAIL_WIDTHS. */
  widths?: readonly number[];
  quality?: Partial<Record<ThumbnailFormat, number>>;
  /** Descriptions of originals kept in memory (least recently used go first). Default 10 000. */
  maxDescriptions?: number;
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

/**
 * Thumbnails made on demand from stored originals, cached on disk, each made once. Without an
 * engine it only finds thumbnails already made (`find`), as the site does beside the API.
 */
export class ThumbnailService {
  readonly widths: readonly number[];
  private readonly quality: Record<ThumbnailFormat, number>;
  private readonly inFlight = new SingleFlight<Thumbnail>();
  /**
   * Descriptions by hash: a hash names its bytes, so a description never changes; only a
   * deletion ends it (`forget`, and a missing file makes `get` read it again).
   */
  private readonly descriptions: BoundedMap<StoredImage>;

  constructor(private readonly options: ThumbnailServiceOptions) {
    this.widths = [...(options.widths ?? DEFAULT_THUMBNAIL_WIDTHS)].sort((a, b) => a - b);
    this.quality = { ...DEFAULT_THUMBNAIL_QUALITY, ...options.quality };
    this.descriptions = new BoundedMap(options.maxDescriptions ?? 10_000);
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
  async get(hash: string, query: ThumbnailQuery): Promise<Thumbnail> {
    const described = await this.locate(hash, query);
    const cachedBytes = await fileSize(described.path);
    if (cachedBytes !== undefined) return { ...described, bytes: cachedBytes, fromCache: true };
    const { engine } = this.options;
    if (!engine) throw new Error('This ThumbnailService has no engine: it cannot make thumbnails');
    // Not made yet, or its original was deleted (by another process): ask the disk again.
    this.descriptions.delete(hash);
    await this.describeOnce(hash);
    return this.inFlight.run(described.path, async () => {
      const rendered = await engine.render({
        sourcePath: this.options.originals.originalPath(hash),
        width: described.width,
        height: described.height,
        format: described.format,
        quality: this.quality[described.format],
      });
      await writeFileAtomic(described.path, rendered);
      return { ...described, bytes: rendered.byteLength, fromCache: false };
    });
  }

  /**
   * The thumbnail if it was already made, else `undefined`: one `stat`, and the original's
   * description from memory after the first request. Validates like `get`.
   */
  async find(hash: string, query: ThumbnailQuery): Promise<Thumbnail | undefined> {
    const described = await this.locate(hash, query);
    const bytes = await fileSize(described.path);
    return bytes === undefined ? undefined : { ...described, bytes, fromCache: true };
  }

  /**
   * After its original was deleted: drops its description and its thumbnails, so no process
   * sharing the directory serves them again (theirs find no file and read the description anew).
   */
  async forget(hash: string): Promise<void> {
    assertContentHash(hash);
    this.descriptions.delete(hash);
    await rm(this.directoryOf(hash), { recursive: true, force: true });
  }

  private async describeOnce(hash: string): Promise<StoredImage> {
    const known = this.descriptions.get(hash);
    if (known) return known;
    const description = await this.options.originals.describe(hash);
    this.descriptions.set(hash, description);
    return description;
  }

  private directoryOf(hash: string): string {
    return join(this.options.cacheDir, hash.slice(0, 2), hash);
  }

  /** Where the thumbnail is (or would be) and what it is, without touching it. */
  private async locate(
    hash: string,
    { width, format }: ThumbnailQuery,
  ): Promise<Omit<Thumbnail, 'bytes' | 'fromCache'>> {
    assertContentHash(hash);
    if (!this.widths.includes(width)) {
      throw new AssetValidationError(
        'width-not-allowed',
        `Width ${width} is not offered; use one of ${this.widths.join(', ')}.`,
      );
    }
    const size = thumbnailSize(await this.describeOnce(hash), width);
    const quality = this.quality[format];
    return {
      ...size,
      path: join(
        this.directoryOf(hash),
        `${size.width}w-q${quality}.${THUMBNAIL_EXTENSION[format]}`,
      ),
      format,
      mime: THUMBNAIL_MIME[format],
      // The file's content is a function of these four values, so they make a strong ETag.
      etag: `"${hash.slice(0, 32)}-${size.width}w-q${quality}-${format}"`,
      cacheControl: THUMBNAIL_CACHE_CONTROL,
    };
  }
}
