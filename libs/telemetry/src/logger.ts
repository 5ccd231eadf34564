import pino, { type DestinationStream, type Logger } from 'pino';
import PinoPretty from 'pino-pretty';
import { type LogFormat, type LogLevelName, pinoLevelOf } from './log-settings.js';

export interface LoggerSettings {
  level: LogLevelName;
  format: LogFormat;
  /** Where lines go: standard output unless given (tests pass a stream they read). */
  destination?: DestinationStream;
}

/**
 * What is never written, wherever it appears in a request or response log: the admin session's
 * bearer token, cookies, the CSRF token. Bodies are not logged at all.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

/**
 * The process's logger. Pretty lines are formatted in this thread (pino-pretty as a stream,
 * not a worker transport): development volumes are small, and nothing is spawned.
 */
export function createLogger({ level, format, destination }: LoggerSettings): Logger {
  const options = {
    level: pinoLevelOf(level),
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  if (format === 'pretty') {
    return pino(
      options,
      PinoPretty({
        destination: destination ?? 1,
        ignore: 'pid,hostname',
        translateTime: 'SYS:HH:MM:ss.l',
        sync: true,
      }),
    );
  }
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
}
