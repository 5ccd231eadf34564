import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Admin, createAdmin, startApiProcess } from './api.js';
import { type EnvVars } from './source-script.js';
import { startWebServer } from './web.js';

export interface Stack {
  apiUrl: string;
  webUrl: string;
  /** The site's administrator, for checks that moderate comments through the admin API. */
  admin: Admin;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** The built site's folder (see `startWebServer`). */
  webBuildDir: string;
  /** How long the site's page cache keeps a page; the default 0 shows every write at once. */
  pageCacheSeconds?: number;
  /** More environment for the API (e.g. SMTP_URL). */
  apiEnv?: EnvVars;
}

/**
 * The API from source on a fresh PGlite data dir (seeded with the demo content on first start)
 * with its admin (`npm run user:create`), and the built site in front of it.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'inkwell-web-test-'));
  const admin = await createAdmin({ DATA_DIR: dataDir });
  return { ...(await startServers(dataDir, options)), admin };
}

/** A site on its first run: the demo content and no user yet, so /admin offers the setup. */
export async function startFirstRunStack(options: StackOptions): Promise<Omit<Stack, 'admin'>> {
  return startServers(await mkdtemp(path.join(tmpdir(), 'inkwell-web-test-')), options);
}

/** Stops every process in `started`, each with its whole group. */
const stopAll = async (started: { stop(): Promise<void> }[]): Promise<void> => {
  await Promise.all(started.map((process) => process.stop()));
};

async function startServers(
  dataDir: string,
  // Most checks write through the API and read the page at once: no page cache for them.
  { webBuildDir, pageCacheSeconds = 0, apiEnv = {} }: StackOptions,
): Promise<Omit<Stack, 'admin'>> {
  const started: { stop(): Promise<void> }[] = [];
  const stop = async () => {
    await stopAll(started);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const api = await startApiProcess({ ...apiEnv, DATA_DIR: dataDir });
    started.push(api);
    const web = await startWebServer(webBuildDir, api.url, {
      PAGE_CACHE_SECONDS: String(pageCacheSeconds),
    });
    started.push(web);
    return { apiUrl: api.url, webUrl: web.webUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface ScaledOutStack {
  /** Two API processes on one PostgreSQL database and one Redis. */
  apiUrls: [string, string];
  /** Two web processes, the first in front of the first API, the second of the second. */
  webUrls: [string, string];
  admin: Admin;
  stop(): Promise<void>;
}

/**
 * A site scaled out as docs/operations.md describes: the admin created, then two APIs started
 * at the same moment on a fresh PostgreSQL database (both migrating, seeding the demo content
 * and preparing search) with one Redis, and a web process in front of each, sharing its
 * rendered pages through that Redis.
 */
export async function startScaledOutStack(options: {
  webBuildDir: string;
  databaseUrl: string;
  redisUrl: string;
  cacheNamespace: string;
  pageCacheSeconds: number;
}): Promise<ScaledOutStack> {
  const database = { DATABASE_URL: options.databaseUrl, MIGRATE_ON_START: 'true' };
  const admin = await createAdmin(database);
  const started: { stop(): Promise<void> }[] = [];
  const start = async <T extends { stop(): Promise<void> }>(run: Promise<T>): Promise<T> => {
    const server = await run;
    started.push(server);
    return server;
  };
  try {
    const env = {
      ...database,
      REDIS_URL: options.redisUrl,
      CACHE_NAMESPACE: options.cacheNamespace,
    };
    const apis = await Promise.all([start(startApiProcess(env)), start(startApiProcess(env))]);
    const webs = await Promise.all(
      apis.map((api) =>
        start(
          startWebServer(options.webBuildDir, api.url, {
            PAGE_CACHE_SECONDS: String(options.pageCacheSeconds),
            // Their rendered pages shared through the same Redis.
            REDIS_URL: options.redisUrl,
            CACHE_NAMESPACE: options.cacheNamespace,
          }),
        ),
      ),
    );
    return {
      apiUrls: [apis[0].url, apis[1].url],
      webUrls: [webs[0]!.webUrl, webs[1]!.webUrl],
      admin,
      stop: () => stopAll(started),
    };
  } catch (error) {
    await stopAll(started);
    throw error;
  }
}
