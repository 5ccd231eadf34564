import { ConsoleLogger, filterLogLevels, type LogLevel } from '@nestjs/common';

/**
 * Nest's own start-up narration: a line per module, per controller and per route (about 60 on
 * every start). Useful when debugging the wiring, noise otherwise, so it is logged as `debug`.
 */
const FRAMEWORK_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

/** Nest's console logger, with the framework's start-up lines demoted to `debug`. */
export class AppLogger extends ConsoleLogger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams.at(-1);
    if (typeof context === 'string' && FRAMEWORK_CONTEXTS.has(context)) {
      this.debug(message, ...optionalParams);
    } else {
      super.log(message, ...optionalParams);
    }
  }
}

/** A logger that prints `level` and everything more severe (`LOG_LEVEL`). */
export function createAppLogger(level: LogLevel): AppLogger {
  return new AppLogger({ logLevels: filterLogLevels(`>=${level}`) });
}
