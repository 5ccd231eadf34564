import { createReadStream } from 'node:fs';
import path from 'node:path';
import { imageDirectories } from '@inkwell/assets/thumbnails';
import { BackupError } from './backup-error.js';
import { writeChecksummed } from './checksummed-file.js';
import { type FileEntry } from './manifest.js';

/**
 * Copies the originals of the images `hashes` names (each `<ab>/<hash>` and its description
 * `<hash>.json`) from the data directory into the backup folder, under the same relative path.
 * Thumbnails are left out: they are made again from the originals on demand.
 */
export async function backUpOriginals(
  hashes: string[],
  dataDir: string,
  folder: string,
): Promise<FileEntry[]> {
  const originals = imageDirectories(dataDir).originals;
  const entries: FileEntry[] = [];
  for (const hash of hashes) {
    for (const name of [hash, `${hash}.json`]) {
      const relative = path.relative(dataDir, path.join(originals, hash.slice(0, 2), name));
      entries.push(await copyEntry(dataDir, folder, relative, hash));
    }
  }
  return entries;
}

/** Copies the backup's uploads into the data directory, each checked against the manifest. */
export async function restoreUploads(
  entries: FileEntry[],
  folder: string,
  dataDir: string,
): Promise<void> {
  for (const entry of entries) {
    const written = await writeChecksummed(
      createReadStream(path.join(folder, entry.path)),
      path.join(dataDir, entry.path),
    );
    if (written.sha256 !== entry.sha256) {
      throw new BackupError(`${entry.path} changed while it was restored: restore again.`);
    }
  }
}

async function copyEntry(
  dataDir: string,
  folder: string,
  relative: string,
  hash: string,
): Promise<FileEntry> {
  try {
    const written = await writeChecksummed(
      createReadStream(path.join(dataDir, relative)),
      path.join(folder, relative),
    );
    return { path: relative.split(path.sep).join('/'), ...written };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new BackupError(
      `The original of image ${hash} is missing from ${dataDir}: it was deleted while the ` +
        'backup ran, or lost before. Run the backup again.',
    );
  }
}
