import { operatorMessage } from '../common/operator-message.js';

/** Runs a command-line task: an operator's problem prints its message, anything else its stack. */
export function runCli(task: () => Promise<void>): void {
  task().catch((error: unknown) => {
    console.error(operatorMessage(error));
    process.exitCode = 1;
  });
}
