import { type RealtimeLogger } from '../../src/logger.js';

export interface RecordingLogger extends RealtimeLogger {
  warnings: string[];
  errors: string[];
}

export function createRecordingLogger(): RecordingLogger {
  const warnings: string[] = [];
  const errors: string[] = [];
  return {
    warnings,
    errors,
    warn: (message) => warnings.push(message),
    error: (message) => errors.push(message),
  };
}
