import path from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError } from '@inkwell/backup';

/**
 * The one positional argument of `npm run backup|restore -- <folder>`, resolved against the
 * directory the operator ran npm in (npm runs the workspace's script inside the workspace).
 */
export function folderArgument(command: 'backup' | 'restore'): string {
  const { positionals } = parseArgs({ allowPositionals: true });
  if (positionals.length !== 1) {
    throw new BackupError(`Usage: npm run ${command} -- <folder>`);
  }
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
}
