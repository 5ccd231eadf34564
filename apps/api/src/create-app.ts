import 'reflect-metadata';
import { type ServerResponse } from 'node:http';
import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { createLogger, observeHttpRequests } from '@inkwell/telemetry';
import pino, { type Logger as PinoLogger } from 'pino';
import { type Registry } from 'prom-client';
import { AppModule, type AppOverrides } from './app.module.js';
import { HttpErrorFilter } from './common/http-error.filter.js';
import { apiSecurityHeaders } from './common/security-headers.js';
import { RejectNulInRouteParams } from './common/validation.js';
import { PublicJsonExpressAdapter } from './http-cache/public-json-adapter.js';
import { PRIVATE_NO_STORE, publicCacheControl } from './http-cache/public-read.js';
import { type Config } from './config/config.js';
import { METRICS_REGISTRY, REALTIME } from './core/tokens.js';
import { AppLogger } from './observability/app-logger.js';
import { type RoutedRequest, routeTemplateOf } from './observability/route-template.js';
import { type RealtimeServer } from '@inkwell/realtime';

export const JSON_BODY_LIMIT = '64kb';

export interface CreateAppOptions extends AppOverrides {
  /** Where the API logs; unset: standard output as LOG_LEVEL and LOG_FORMAT say; false: nowhere. */
  logger?: PinoLogger | false;
}

function loggerFor(config: Config, logger: PinoLogger | false | undefined): PinoLogger {
  if (logger === false) return pino({ level: 'silent' });
  return logger ?? createLogger(config.log);
}

/** Builds and initialises the API application (not yet listening): used by main.ts and the tests. */
export async function createApp(
  config: Config,
  options: CreateAppOptions = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, loggerFor(config, options.logger), options),
    new PublicJsonExpressAdapter(publicCacheControl(config.cachePurge?.sharedMaxAgeSeconds)),
    // Lines logged while the modules load wait for the application's logger.
    { bodyParser: false, bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(AppLogger));
  // Times every answer by route template and status (METRICS_PORT serves them).
  app.use(
    observeHttpRequests<RoutedRequest, ServerResponse>({
      registry: app.get<Registry>(METRICS_REGISTRY),
      routeOf: routeTemplateOf,
    }),
  );
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.useGlobalFilters(new HttpErrorFilter());
  app.useGlobalPipes(new RejectNulInRouteParams());
  app.disable('x-powered-by');
  // Whose X-Forwarded-For names the client (the site, a load balancer): rate limits key on it.
  app.set('trust proxy', config.trustProxy);
  app.use(...apiSecurityHeaders());
  // Weak: the same answer compressed or not by a proxy is still the same answer.
  app.set('etag', 'weak');
  // Nothing is shared unless its route says so (public reads, thumbnails).
  app.use(
    (
      _request: unknown,
      response: { setHeader(name: string, value: string): void },
      next: () => void,
    ) => {
      response.setHeader('Cache-Control', PRIVATE_NO_STORE);
      next();
    },
  );
  await app.init();
  // Faye wraps the server's listeners, so it attaches once the application has registered its own.
  app.get<RealtimeServer>(REALTIME).attach(app.getHttpServer());
  return app;
}
