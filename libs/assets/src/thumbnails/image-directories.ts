import { join } from 'node:path';

/**
 * Where uploaded originals, their thumbnails and generated share images live inside a data directory: the API writes
 * there, and the site beside it (same DATA_DIR) serves thumbnails from there.
 */
export function imageDirectories(dataDir: string): {
  originals: string;
  thumbnails: string;
  shareImages: string;
} {
  return {
    originals: join(dataDir, 'images', 'originals'),
    thumbnails: join(dataDir, 'images', 'thumbnails'),
    /** Pictures for shared links made from a post's title (share-images/). */
    shareImages: join(dataDir, 'images', 'share'),
  };
}
