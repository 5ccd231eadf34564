import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { type BundleImage } from '../blog-bundle.js';

const IMAGE_FILE = /\.(?:avif|gif|jpe?g|png|webp)$/i;

/**
 * Every image file under `<root>/<folder>` (none when the folder is absent), each with the
 * references a post may use for it, made from its path relative to `root` (`content/images/a.png`).
 */
export async function findLocalImages(
  root: string,
  folder: string,
  referencesOf: (relative: string) => string[],
): Promise<BundleImage[]> {
  let entries: string[];
  try {
    entries = await readdir(path.join(root, folder), { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => IMAGE_FILE.test(entry))
    .sort()
    .map((entry) => {
      const relative = path.posix.join(folder, entry.split(path.sep).join('/'));
      return { file: path.join(root, relative), references: referencesOf(relative) };
    });
}
