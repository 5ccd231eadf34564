import { join } from 'node:path';

/**
 * Where uploaded originals and their thumbnails live inside a data directory: the API writes
 * there, and the site beside it (same DATA_DIR) serves thumbnails from there.
 */
export function imageDirectories(dataDir: string): { originals: string; thumbnails: string } {
  return {
    originals: join(dataDir, 'images', 'originals'),
    thumbnails: join(dataDir, 'images', 'thumbnails'),
  };
}
