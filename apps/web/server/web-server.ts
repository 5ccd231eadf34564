import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import { type ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import { IMMUTABLE_ASSET_CACHE } from '../app/lib/cache-control.js';
import { createApiGate } from './api-gate.js';
import { type WebConfig } from './config.js';
import { createPageCache } from './page-cache.js';
import { createApiProxy } from './proxy.js';
import { requestGuard } from './request-guard.js';

/** Paths served by the API but reached through this origin, so the browser talks to one host. */
const PROXIED_PATHS = ['/realtime', '/images'];

export interface RunningWebServer {
  /** Where the site answers, e.g. http://127.0.0.1:3000. */
  url: string;
  /** Stops accepting requests, ends open connections (long-polls, keep-alive), then resolves. */
  close(): Promise<void>;
}

/**
 * The site: the Remix build behind its page cache and API gate, the API's realtime and image
 * paths proxied, the static bundles. Resolves once it listens. Run on its own by main.ts, or
 * beside the API it starts by launch.ts (`npm start`).
 */
export async function startWebServer(config: WebConfig): Promise<RunningWebServer> {
  const proxy = createApiProxy(config.apiUrl);
  const apiGate = createApiGate({ apiUrl: config.apiUrl });

  const app = express();
  const server = http.createServer(app);
  app.disable('x-powered-by');
  // One proxy hop (this server) in front of Remix: req.ip is then the visitor's address.
  app.set('trust proxy', 'loopback');

  // Before compression: proxied bodies stream through untouched (long-polling must not buffer).
  app.use(PROXIED_PATHS, (req, res) => proxy.forward(req, res));
  app.use(requestGuard);
  app.use(compression());

  /** Content-hashed files: a name never changes content, so browsers keep them for a year. */
  const immutableFiles = (dir: string) =>
    express.static(dir, {
      immutable: true,
      maxAge: '1y',
      fallthrough: false,
      index: false,
      setHeaders: (res) => res.setHeader('Cache-Control', IMMUTABLE_ASSET_CACHE),
    });

  // Compiled to build/node/server/main.js, the build sits two folders up; from source, in build/.
  const buildDir = config.production
    ? path.resolve(import.meta.dirname, '../..')
    : path.resolve(import.meta.dirname, '../build');
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
  if (config.production) {
    // The Remix build sits in build/server and build/client.
    const clientDir = path.join(buildDir, 'client');
    app.use('/assets', immutableFiles(path.join(clientDir, 'assets')));
    app.use(express.static(clientDir, { maxAge: '1h' }));
    build = (await import(
      pathToFileURL(path.join(buildDir, 'server/index.js')).href
    )) as ServerBuild;
  } else {
    const vite = await import('vite');
    const viteDevServer = await vite.createServer({
      root: path.resolve(import.meta.dirname, '..'),
      server: { middlewareMode: true, hmr: { server } },
    });
    app.use(viteDevServer.middlewares);
    build = () => viteDevServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>;
  }

  // Pages need the API: while it is starting or down, a short 503 instead of a failed render.
  app.use(apiGate.middleware);

  // Development renders every request afresh.
  if (config.production) app.use(createPageCache({ seconds: config.pageCacheSeconds }).middleware);

  app.all(
    '*',
    createRequestHandler({
      build,
      mode: config.production ? 'production' : 'development',
      getLoadContext: (req) => ({
        apiUrl: config.apiUrl,
        siteUrl: config.siteUrl,
        clientIp: req.ip,
        bundleManifestPath,
        reportApiUnreachable: apiGate.reportUnreachable,
      }),
    }),
  );

  server.on('upgrade', (req, socket, head) => {
    if (PROXIED_PATHS.some((prefix) => req.url?.startsWith(prefix)))
      proxy.tunnel(req, socket, head);
    // In development Vite answers its own HMR upgrades; in production nothing else upgrades.
    else if (config.production) socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: `http://${config.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Open long-polls and keep-alive sockets would otherwise hold the server.
        server.closeAllConnections();
      }),
  };
}
