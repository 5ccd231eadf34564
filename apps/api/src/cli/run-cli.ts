import { ConfigError } from '../config/config.js';

/** Runs a command-line task: a configuration problem prints its message, anything else its stack. */
export function runCli(task: () => Promise<void>): void {
  task().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exitCode = 1;
  });
}
