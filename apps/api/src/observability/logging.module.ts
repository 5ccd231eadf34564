import { type DynamicModule, Module } from '@nestjs/common';
import { httpLoggerOptions } from '@inkwell/telemetry';
import { LoggerModule } from 'nestjs-pino';
import { type Logger as PinoLogger } from 'pino';
import { AppLogger } from './app-logger.js';

/**
 * pino for the whole API: one line per request (pino-http, with the request id the site sent
 * or a new one, echoed in `X-Request-Id`), and `AppLogger` for Nest's `Logger`, whose lines
 * inside a request carry its id. nestjs-pino keeps one pino-http instance per process: the
 * first application a process creates sets where lines go (tests that read lines make one).
 */
@Module({})
export class LoggingModule {
  static forRoot(logger: PinoLogger): DynamicModule {
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: httpLoggerOptions(logger) })],
      providers: [AppLogger],
      exports: [AppLogger],
    };
  }
}
