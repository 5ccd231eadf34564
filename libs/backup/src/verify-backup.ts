import path from 'node:path';
import { BackupError } from './backup-error.js';
import { checksumOf } from './checksummed-file.js';
import { type FileEntry, type Manifest } from './manifest.js';

/** Checks every file the manifest lists against its size and SHA-256, before anything is written. */
export async function verifyBackup(folder: string, manifest: Manifest): Promise<void> {
  const entries: FileEntry[] = [...manifest.tables, ...manifest.uploads];
  for (const entry of entries) {
    let found: FileEntry;
    try {
      found = { path: entry.path, ...(await checksumOf(path.join(folder, entry.path))) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      throw new BackupError(`The backup in ${folder} is incomplete: ${entry.path} is missing.`);
    }
    if (found.bytes !== entry.bytes || found.sha256 !== entry.sha256) {
      throw new BackupError(
        `The backup in ${folder} is damaged: ${entry.path} does not match its checksum ` +
          `(${found.bytes} bytes, expected ${entry.bytes}).`,
      );
    }
  }
}
