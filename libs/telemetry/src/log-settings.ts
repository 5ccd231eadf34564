import { type LevelWithSilent } from 'pino';

/**
 * The names `LOG_LEVEL` accepts: pino's own, and Nest's `verbose` and `log` (the names this
 * setting had before the logs were pino's), which mean `trace` and `info`.
 */
export const LOG_LEVEL_NAMES = [
  'trace',
  'verbose',
  'debug',
  'info',
  'log',
  'warn',
  'error',
  'fatal',
  'silent',
] as const;
export type LogLevelName = (typeof LOG_LEVEL_NAMES)[number];

const PINO_LEVEL_OF: Record<LogLevelName, LevelWithSilent> = {
  trace: 'trace',
  verbose: 'trace',
  debug: 'debug',
  info: 'info',
  log: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
  silent: 'silent',
};

export function pinoLevelOf(name: LogLevelName): LevelWithSilent {
  return PINO_LEVEL_OF[name];
}

/** `json`: one JSON object per line, for log collectors; `pretty`: coloured lines for people. */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** JSON in production and whenever the output is not a terminal; pretty lines otherwise. */
export function defaultLogFormat(env: { production: boolean; isTTY: boolean }): LogFormat {
  return !env.production && env.isTTY ? 'pretty' : 'json';
}
