import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type GetLoadContextFunction } from '@remix-run/express';
import { type ServerBuild } from '@remix-run/node';
import { createHttpDrain } from '@inkwell/http-drain';
import {
  createLogger,
  createMetricsRegistry,
  httpLoggerOptions,
  observeHttpRequests,
  type RunningMetricsServer,
  startMetricsServer,
} from '@inkwell/telemetry';
import compression from 'compression';
import express from 'express';
import { type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { ApiReads } from '../app/lib/api-reads.server.js';
import { SharedReads } from '../app/lib/shared-reads.server.js';
import { IMMUTABLE_ASSET_CACHE } from '../app/lib/cache-control.js';
import { createApiGate } from './api-gate.js';
import { type WebConfig } from './config.js';
import { followDroppedTags } from './dropped-tags-stream.js';
import { createSitePageCache } from './site-page-cache.js';
import { countPageCacheOutcomes } from './page-cache-metrics.js';
import { localThumbnails } from './local-thumbnails.js';
import { needsWholeBuild, withoutAdminRoutes } from './public-build.js';
import { createApiProxy } from './proxy.js';
import { createRemixHandler } from './remix-handler.js';
import { createRemixRouteLabeller, siteRouteOf } from './route-labels.js';
import { loadSessionSecret } from './session-secret.js';
import { onlyListedFiles } from './static-files.js';
import { requestGuard } from './request-guard.js';
import { compressWholeBodies } from './whole-body-compression.js';
import { cspNonceOf, securityHeaders } from './security-headers.js';

/** Paths served by the API but reached through this origin, so the browser talks to one host. */
const PROXIED_PATHS = ['/realtime', '/images'];
/** Realtime long-polls wait as long as the API holds them (for news); images have a deadline. */
const LONG_POLL_PATH = '/realtime';

export interface RunningWebServer {
  /** Where the site answers, e.g. http://127.0.0.1:3000. */
  url: string;
  /** Where Prometheus scrapes the site (WEB_METRICS_PORT); unset without it. */
  metricsUrl: string | undefined;
  logger: Logger;
  /**
   * Stops gracefully: no new connections; pages and form posts in flight finish (for up to
   * SHUTDOWN_TIMEOUT_MS), each the last on its keep-alive connection, so a comment is never
   * stored and then answered with an error; realtime long-polls are answered at once.
   */
  close(): Promise<void>;
}

/**
 * The site: the Remix build behind its page cache and API gate, the API's realtime and image
 * paths proxied, the static bundles. Resolves once it listens. Run on its own by main.ts, or
 * beside the API it starts by launch.ts (`npm start`).
 */
export async function startWebServer(
  config: WebConfig,
  { logger = createLogger(config.log) }: { logger?: Logger } = {},
): Promise<RunningWebServer> {
  const proxy = createApiProxy(config.apiUrl);
  const sessionSecret = await loadSessionSecret(config);
  const warn = (line: string) => logger.warn(line);
  const apiGate = createApiGate({ apiUrl: config.apiUrl, log: warn });
  const registry = createMetricsRegistry();

  const app = express();
  const server = http.createServer(app);
  const drain = createHttpDrain(server);
  app.disable('x-powered-by');
  // Before anything answers: the request's id (the edge's, or a new one) and its log line.
  app.use(pinoHttp(httpLoggerOptions(logger)));
  /** Set once the production build is loaded: names the Remix route of a page. */
  let remixRoute: ((pathname: string) => string) | undefined;
  app.use(
    observeHttpRequests({
      registry,
      // Development renders through Vite, whose build is not at hand here: one label for pages.
      routeOf: siteRouteOf((pathname) => remixRoute?.(pathname) ?? '(page)'),
    }),
  );
  // req.ip is the visitor's address as the trusted proxies in front name it; loaders send it on
  // to the API (X-Forwarded-For), which trusts this server in turn.
  app.set('trust proxy', config.trustProxy);

  // First, so every answer carries them, refusals and the 503 page included.
  app.use(securityHeaders({ enforce: config.production }));
  // For load balancers and container health checks: this process answers, whatever the API does.
  app.get('/__lbheartbeat__', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok' });
  });
  // Thumbnails the API made are files in the data directory the site shares with it under
  // `npm start`: served from there; the others (and any thumbnail elsewhere) go to the proxy.
  app.use('/images', localThumbnails(config.dataDir));
  // Before compression: proxied bodies stream through untouched (long-polling must not buffer).
  app.use(PROXIED_PATHS, (req, res) =>
    proxy.forward(req, res, {
      timeoutMs: req.baseUrl === LONG_POLL_PATH ? undefined : config.apiTimeoutMs,
    }),
  );
  app.use(requestGuard);
  // Compiled to build/node/server/main.js, the build sits two folders up; from source, in build/.
  const buildDir = config.production
    ? path.resolve(import.meta.dirname, '../..')
    : path.resolve(import.meta.dirname, '../build');
  // The Remix build sits in build/server and build/client.
  const productionBuild = config.production
    ? ((await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href)) as ServerBuild)
    : undefined;
  /** Part of every page's ETag, so a new build never answers 304 for an old page. */
  const pageVersion = productionBuild?.assets.version;

  // Development renders every request afresh. Stored pages are answered before compression:
  // they are kept compressed.
  const pageCache =
    productionBuild && config.pageCacheSeconds > 0
      ? createSitePageCache(config, productionBuild.assets.version, {
          observe: countPageCacheOutcomes(registry),
          logError: (message, error) => logger.error({ err: error }, message),
          warn: (message) => logger.warn(message),
        })
      : undefined;
  /** The settings and other reads every page makes alike, kept until a write drops them. */
  const sharedReads = productionBuild ? new SharedReads() : undefined;
  if (pageCache) app.use(pageCache.serve);
  app.use(compression());
  // Nearer the routes than compression(): a body sent whole is compressed here, in one call.
  app.use(compressWholeBodies);

  /** Content-hashed files: a name never changes content, so browsers keep them for a year. */
  const immutableFiles = (dir: string) =>
    express.static(dir, {
      immutable: true,
      maxAge: '1y',
      fallthrough: false,
      index: false,
      setHeaders: (res) => res.setHeader('Cache-Control', IMMUTABLE_ASSET_CACHE),
    });

  // The static bundles of bundles.json (`npm run bundles:build`), beside the Remix build.
  const bundlesDir = path.join(buildDir, 'bundles');
  const bundleManifestPath = path.join(bundlesDir, 'manifest.json');
  if (!existsSync(bundleManifestPath)) {
    throw new Error(`No bundle manifest at ${bundleManifestPath}: run npm run bundles:build`);
  }
  // The manifest is for the server; only the hashed files it names are public.
  app.get('/bundles/manifest.json', (_req, res) => res.status(404).end());
  app.use('/bundles', immutableFiles(bundlesDir));

  let build: ServerBuild | (() => Promise<ServerBuild>);
  let closeDevServer = async (): Promise<void> => {};
  if (productionBuild) {
    const clientDir = path.join(buildDir, 'client');
    app.use('/assets', immutableFiles(path.join(clientDir, 'assets')));
    app.use(onlyListedFiles(clientDir, express.static(clientDir, { maxAge: '1h' })));
    build = productionBuild;
    remixRoute = createRemixRouteLabeller(productionBuild.routes);
  } else {
    const vite = await import('vite');
    const viteDevServer = await vite.createServer({
      root: path.resolve(import.meta.dirname, '..'),
      server: { middlewareMode: true, hmr: { server } },
    });
    app.use(viteDevServer.middlewares);
    closeDevServer = () => viteDevServer.close();
    build = () => viteDevServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>;
  }

  // Pages need the API: while it is starting or down, a short 503 instead of a failed render.
  app.use(apiGate.middleware);

  if (pageCache) app.use(pageCache.record);

  const getLoadContext: GetLoadContextFunction = (req, res) => ({
    apiUrl: config.apiUrl,
    apiTimeoutMs: config.apiTimeoutMs,
    siteUrl: config.siteUrl,
    clientIp: req.ip,
    requestId: String(req.id),
    log: req.log,
    bundleManifestPath,
    apiReads: new ApiReads(),
    sharedReads,
    pageVersion,
    reportApiUnreachable: apiGate.reportUnreachable,
    cspNonce: cspNonceOf(res),
    sessionSecret,
    // A data request (`/posts/a.data`) serves a page already in the browser, or about to be
    // rendered there: it carries everything as data.
    markupOnly: req.path.endsWith('.data') ? undefined : new Map(),
  });
  const mode = config.production ? 'production' : 'development';
  const handleWholeBuild = createRemixHandler({ build, mode, getLoadContext });
  // Readers' pages are matched against a route tree without the admin panel (public-build.ts).
  const handleReaders = createRemixHandler({
    build:
      typeof build === 'function'
        ? async () => withoutAdminRoutes(await build())
        : withoutAdminRoutes(build),
    mode,
    getLoadContext,
  });
  app.all('*', (req, res, next) => {
    const handleRequest = needsWholeBuild(req.path) ? handleWholeBuild : handleReaders;
    void handleRequest(req, res, next);
  });

  server.on('upgrade', (req, socket, head) => {
    if (PROXIED_PATHS.some((prefix) => req.url?.startsWith(prefix)))
      proxy.tunnel(req, socket, head);
    // In development Vite answers its own HMR upgrades; in production nothing else upgrades.
    else if (config.production) socket.destroy();
  });

  // The page cache and the shared reads keep nothing until the API's stream of dropped tags is
  // open, and nothing once it is not.
  const keepers = [pageCache, sharedReads].filter((keeper) => keeper !== undefined);
  const droppedTags =
    keepers.length > 0
      ? followDroppedTags({
          apiUrl: config.apiUrl,
          log: warn,
          onLive: () => keepers.forEach((keeper) => keeper.setLive(true)),
          onDown: () => keepers.forEach((keeper) => keeper.setLive(false)),
          onDrop: (tags) => keepers.forEach((keeper) => keeper.dropTags(tags)),
        })
      : undefined;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // Never on the public port: a server of its own, on the interface WEB_METRICS_HOST names.
  const metrics: RunningMetricsServer | undefined =
    config.metrics && (await startMetricsServer({ registry, ...config.metrics }));
  return {
    url: `http://${config.host}:${port}`,
    metricsUrl: metrics?.url,
    logger,
    async close() {
      logger.info(`Finishing ${drain.inFlight} request(s) in flight`);
      proxy.endWaiting();
      droppedTags?.close();
      const { abandoned } = await drain.drain(config.shutdownTimeoutMs);
      if (abandoned > 0) {
        logger.warn(`${abandoned} request(s) cut off after ${config.shutdownTimeoutMs} ms`);
      }
      // After the requests in flight, which may still read pages from Redis.
      await pageCache?.close();
      await Promise.all([closeDevServer(), metrics?.close()]);
      logger.info('Stopped');
    },
  };
}
