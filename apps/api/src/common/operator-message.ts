import { DatabaseOwnedError } from '@inkwell/prisma';
import { ConfigError } from '../config/config.js';
import { ImportSourceError, TransferRefusedError } from '../transfer/source-error.js';

/**
 * What to print when the API or a command cannot start: a problem the operator fixes (a bad
 * setting, a database another process owns) as its message alone, anything else with its stack.
 */
export function operatorMessage(error: unknown): unknown {
  return error instanceof ConfigError ||
    error instanceof DatabaseOwnedError ||
    error instanceof ImportSourceError ||
    error instanceof TransferRefusedError
    ? error.message
    : error;
}
