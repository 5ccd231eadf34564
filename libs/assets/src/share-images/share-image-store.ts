import { join } from 'node:path';
import { writeFileAtomic } from '../shared/atomic-write.js';
import { fileSize } from '../shared/file-size.js';
import { SingleFlight } from '../thumbnails/single-flight.js';
import { THUMBNAIL_CACHE_CONTROL } from '../thumbnails/thumbnail-service.js';
import { renderShareImage } from './render-share-image.js';
import { shareImageKey, type ShareImageText } from './share-image-key.js';

/** A generated share image on disk, described the way `sendThumbnail` streams a file. */
export interface ShareImageFile {
  key: string;
  path: string;
  mime: 'image/png';
  etag: string;
  cacheControl: string;
  bytes: number;
  /** False when this call (or a concurrent one it joined) drew the picture. */
  fromCache: boolean;
}

export interface ShareImageStoreOptions {
  /** Directory of generated pictures; safe to delete, it refills on demand. */
  cacheDir: string;
  /** Draws a picture; default `renderShareImage` (tests may count calls). */
  render?: (text: ShareImageText) => Promise<Buffer>;
}

/**
 * Share images drawn on demand and kept on disk under their key (title, site name and renderer
 * version), each drawn once per process at a time. The key names the bytes, so a file is
 * immutable: a changed title has another key, hence another file and URL.
 */
export class ShareImageStore {
  private readonly inFlight = new SingleFlight<ShareImageFile>();
  private readonly render: (text: ShareImageText) => Promise<Buffer>;

  constructor(private readonly options: ShareImageStoreOptions) {
    this.render = options.render ?? renderShareImage;
  }

  /** The picture of `text`, from the disk or drawn now. */
  async get(text: ShareImageText): Promise<ShareImageFile> {
    const key = shareImageKey(text);
    const described = this.describe(key);
    const cachedBytes = await fileSize(described.path);
    if (cachedBytes !== undefined) return { ...described, bytes: cachedBytes, fromCache: true };
    return this.inFlight.run(key, async () => {
      const png = await this.render(text);
      await writeFileAtomic(described.path, png);
      return { ...described, bytes: png.byteLength, fromCache: false };
    });
  }

  private describe(key: string): Omit<ShareImageFile, 'bytes' | 'fromCache'> {
    return {
      key,
      path: join(this.options.cacheDir, key.slice(0, 2), `${key}.png`),
      mime: 'image/png',
      etag: `"og-${key}"`,
      cacheControl: THUMBNAIL_CACHE_CONTROL,
    };
  }
}
