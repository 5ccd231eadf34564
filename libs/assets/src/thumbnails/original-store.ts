import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../shared/atomic-write.js';
import { AssetValidationError } from './errors.js';
import { inspectUpload, type InspectedUpload, type UploadLimits } from './inspect-upload.js';
import { assertContentHash } from './names.js';

/** What is known about a stored original; the API keeps the same fields in its database. */
export type StoredImage = InspectedUpload;

/**
 * Originals on disk under one root, keyed by content hash: `<root>/<ab>/<hash>` holds the bytes
 * and `<root>/<ab>/<hash>.json` their description. The description is written last, so its
 * presence means the original is complete.
 */
export class OriginalStore {
  constructor(readonly rootDir: string) {}

  /** Validates the upload and stores it once; uploading the same bytes again writes nothing. */
  async save(bytes: Uint8Array, filename: string, limits: UploadLimits): Promise<StoredImage> {
    const image = await inspectUpload(bytes, filename, limits);
    if (await this.has(image.hash)) return image;
    await writeFileAtomic(this.originalPath(image.hash), bytes);
    await writeFileAtomic(this.descriptionPath(image.hash), JSON.stringify(image));
    return image;
  }

  async has(hash: string): Promise<boolean> {
    try {
      await stat(this.descriptionPath(hash));
      return true;
    } catch {
      return false;
    }
  }

  /** The stored description; throws a `not-found` AssetValidationError for an unknown hash. */
  async describe(hash: string): Promise<StoredImage> {
    try {
      return JSON.parse(await readFile(this.descriptionPath(hash), 'utf8')) as StoredImage;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      throw new AssetValidationError('not-found', `No image with id ${hash}.`);
    }
  }

  /** Path of the original's bytes (for streaming it, or for a thumbnail engine to read). */
  originalPath(hash: string): string {
    assertContentHash(hash);
    return join(this.rootDir, hash.slice(0, 2), hash);
  }

  private descriptionPath(hash: string): string {
    return `${this.originalPath(hash)}.json`;
  }
}
