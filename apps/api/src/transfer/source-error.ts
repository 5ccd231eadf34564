import { OperatorError } from '../common/operator-message.js';

/**
 * A source an import cannot read (missing folder, malformed file, a required field absent): its
 * message names the file and, when known, the field, and is printed without a stack.
 */
export class ImportSourceError extends OperatorError {
  constructor(file: string, problem: string, field?: string) {
    super(`${file}: ${field ? `${field} ${problem}` : problem}`);
    this.name = 'ImportSourceError';
  }
}

/** An import or export the operator has to fix something for first (bad arguments, no admin yet). */
export class TransferRefusedError extends OperatorError {
  constructor(message: string) {
    super(message);
    this.name = 'TransferRefusedError';
  }
}
