export {
  defaultLogFormat,
  LOG_FORMATS,
  LOG_LEVEL_NAMES,
  type LogFormat,
  type LogLevelName,
  pinoLevelOf,
} from './log-settings.js';
export { createLogger, type LoggerSettings, REDACTED_PATHS } from './logger.js';
export { REQUEST_ID_HEADER, requestIdOf } from './request-id.js';
export { httpLoggerOptions } from './http-logger.js';
export { type HttpMetricsOptions, observeHttpRequests } from './http-metrics.js';
export {
  createMetricsRegistry,
  type MetricsServerOptions,
  type RunningMetricsServer,
  startMetricsServer,
} from './metrics-server.js';
