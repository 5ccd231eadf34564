import { BackupError } from '@inkwell/backup';
import { DatabaseOwnedError } from '@inkwell/prisma';
import { ConfigError } from '../config/config.js';

/**
 * What to print when the API or a command cannot start: a problem the operator fixes (a bad
 * setting, a database another process owns, a backup that cannot be restored) as its message
 * alone, anything else with its stack.
 */
export function operatorMessage(error: unknown): unknown {
  return error instanceof ConfigError ||
    error instanceof DatabaseOwnedError ||
    error instanceof BackupError
    ? error.message
    : error;
}
