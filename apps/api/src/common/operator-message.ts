import { BackupError } from '@inkwell/backup';
import { DatabaseOwnedError } from '@inkwell/prisma';
import { ConfigError } from '../config/config.js';

/**
 * A problem the operator of a command fixes (a bad argument, an unreadable file): printed as its
 * message alone, without a stack.
 */
export class OperatorError extends Error {}

/**
 * What to print when the API or a command cannot start: a problem the operator fixes (a bad
 * setting, a database another process owns, a backup that cannot be restored) as its message
 * alone, anything else with its stack.
 */
export function operatorMessage(error: unknown): unknown {
  return error instanceof ConfigError ||
    error instanceof DatabaseOwnedError ||
    error instanceof OperatorError ||
    error instanceof BackupError
    ? error.message
    : error;
}
