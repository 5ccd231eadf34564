import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/*
 * Starts what the browser checks and the screenshot script need: the real API from source on
 * a fresh PGlite data dir (seeded with the demo content on first start) and the built web
 * server in front of it, each on a free loopback port.
 */

const webRoot = path.resolve(import.meta.dirname, '..');
const repoRoot = path.resolve(webRoot, '../..');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
/** Cheap password hashes for the test admin (production: 17); the same for the CLI and the API. */
const PASSWORD_HASH_COST = '10';

export interface Stack {
  apiUrl: string;
  webUrl: string;
  /** The site's administrator, for checks that moderate comments through the admin API. */
  admin: { email: string; password: string };
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Spawns a process in its own group and resolves with the first match of `ready` in its output. */
function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; ready: RegExp; timeoutMs: number },
): Promise<{ child: ChildProcess; match: RegExpMatchArray; output: () => string }> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stopProcess(child);
      reject(new Error(`${name} did not start within ${options.timeoutMs} ms:\n${output}`));
    }, options.timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(options.ready);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match, output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it was ready:\n${output}`));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    // The whole group: npx/tsx wrappers start the real server as a child.
    process.kill(-child.pid!, 'SIGTERM');
    setTimeout(() => {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    }, 5_000).unref();
  });
}

/**
 * The checks' own production build, apart from `npm run build`'s (which empties build/), so a
 * server someone runs from build/ keeps its assets while the tests run. A folder named build
 * is ignored by git, ESLint and Prettier wherever it is.
 */
const testBuildDir = '.browser-test/build';

/** Absolute path of the checks' build (client, server and node folders). */
export const testBuildPath = (): string => path.join(webRoot, testBuildDir);

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(command, args, { cwd: webRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed:\n${output}`)),
    );
  });
}

/** Builds the site and its static bundles as `npm run build` does, into the test build folder. */
export async function buildWeb(): Promise<void> {
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    WEB_BUILD_DIR: testBuildDir,
  };
  const bin = (name: string) => path.join(repoRoot, 'node_modules/.bin', name);
  await run(bin('remix'), ['vite:build'], env);
  // The one workspace library the server (not the Remix bundle) imports, read from its dist/.
  await run(bin('tsc'), ['-p', path.join(repoRoot, 'libs/http-drain/tsconfig.build.json')], env);
  await run(bin('tsc'), ['-p', 'tsconfig.server.json', '--outDir', `${testBuildDir}/node`], env);
  await run(
    tsx,
    [
      '--conditions=@inkwell/source',
      path.join(repoRoot, 'libs/assets/src/bundles/cli.ts'),
      'build',
      '--config',
      'bundles.json',
      '--out',
      `${testBuildDir}/bundles`,
      '--base-url',
      '/bundles/',
    ],
    env,
  );
}

/**
 * `npm run user:create` on a fresh database (`DATA_DIR` or `DATABASE_URL` in `database`), before
 * the API opens it (PGlite has one user).
 */
async function createAdmin(database: Record<string, string>): Promise<Stack['admin']> {
  const admin = { email: 'admin@inkwell.test', password: randomBytes(12).toString('hex') };
  const child = spawn(
    tsx,
    [
      '--conditions=@inkwell/source',
      'apps/api/src/auth/create-user.cli.ts',
      '--email',
      admin.email,
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, ...database, PASSWORD_HASH_COST },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdin.end(`${admin.password}\n`);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`creating the admin failed:\n${output}`);
  return admin;
}

export interface StackOptions {
  /** How long the site's page cache keeps a page; the default 0 shows every write at once. */
  pageCacheSeconds?: number;
}

/** The site with its admin (`npm run user:create`) and the demo content. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'inkwell-web-test-'));
  const admin = await createAdmin({ DATA_DIR: dataDir });
  return { ...(await startServers(dataDir, options)), admin };
}

/** A site on its first run: the demo content and no user yet, so /admin offers the setup. */
export async function startFirstRunStack(
  options: StackOptions = {},
): Promise<Omit<Stack, 'admin'>> {
  return startServers(await mkdtemp(path.join(tmpdir(), 'inkwell-web-test-')), options);
}

export interface WebServer {
  webUrl: string;
  child: ChildProcess;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** The built site (see `buildWeb`) on a free loopback port, in front of the API at `apiUrl`. */
export async function startWebServer(
  apiUrl: string,
  env: Record<string, string | undefined> = {},
): Promise<WebServer> {
  const webPort = await freePort();
  const webUrl = `http://127.0.0.1:${webPort}`;
  const { child, output } = await startProcess(
    'web',
    process.execPath,
    [`${testBuildDir}/node/server/main.js`],
    {
      cwd: webRoot,
      env: {
        ...process.env,
        NODE_ENV: 'production' as const,
        API_URL: apiUrl,
        SITE_URL: webUrl,
        WEB_PORT: String(webPort),
        WEB_HOST: '127.0.0.1',
        // Not the one generated in DATA_DIR: that would land in the worktree (cwd).
        SESSION_SECRET: 'inkwell-browser-tests-session-secret',
        NO_COLOR: '1',
        FORCE_COLOR: undefined,
        ...env,
      },
      ready: /Web listening on http:\/\/\S+/,
      timeoutMs: 30_000,
    },
  );
  return { webUrl, child, output, stop: () => stopProcess(child) };
}

/** The API from source on a free port, with `env` (its database, cache...) over the test's own. */
async function startApi(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const apiPort = await freePort();
  const { child, match } = await startProcess(
    'API',
    tsx,
    ['--conditions=@inkwell/source', 'apps/api/src/main.ts'],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        ...env,
        API_PORT: String(apiPort),
        PASSWORD_HASH_COST,
        NO_COLOR: '1',
        FORCE_COLOR: undefined,
      },
      ready: /API listening on (http:\/\/[\w.:-]+)/,
      timeoutMs: 120_000,
    },
  );
  return { child, url: match[1]! };
}

/** The built site as `startWebServer` starts it, for the stacks below. */
async function startWeb(
  apiUrl: string,
  pageCacheSeconds: number,
): Promise<{ child: ChildProcess; url: string }> {
  const web = await startWebServer(apiUrl, { PAGE_CACHE_SECONDS: String(pageCacheSeconds) });
  return { child: web.child, url: web.webUrl };
}

async function startServers(
  dataDir: string,
  // Most checks write through the API and read the page at once: no page cache for them.
  { pageCacheSeconds = 0 }: StackOptions,
): Promise<Omit<Stack, 'admin'>> {
  const api = await startApi({ DATA_DIR: dataDir });
  try {
    const web = await startWeb(api.url, pageCacheSeconds);
    return {
      apiUrl: api.url,
      webUrl: web.url,
      async stop() {
        await Promise.all([stopProcess(web.child), stopProcess(api.child)]);
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopProcess(api.child);
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

export interface ScaledOutStack {
  /** Two API processes on one PostgreSQL database and one Redis. */
  apiUrls: [string, string];
  /** Two web processes, the first in front of the first API, the second of the second. */
  webUrls: [string, string];
  admin: Stack['admin'];
  stop(): Promise<void>;
}

/**
 * A site scaled out as docs/operations.md describes: the admin created, then two APIs started
 * at the same moment on a fresh PostgreSQL database (both migrating, seeding the demo content
 * and preparing search) with one Redis, and a web process in front of each, page cache on.
 */
export async function startScaledOutStack(options: {
  databaseUrl: string;
  redisUrl: string;
  cacheNamespace: string;
  pageCacheSeconds: number;
}): Promise<ScaledOutStack> {
  const database = { DATABASE_URL: options.databaseUrl, MIGRATE_ON_START: 'true' };
  const admin = await createAdmin(database);
  const started: ChildProcess[] = [];
  const start = async (run: () => Promise<{ child: ChildProcess; url: string }>) => {
    const server = await run();
    started.push(server.child);
    return server.url;
  };
  const stop = async () => {
    await Promise.all(started.map(stopProcess));
  };
  try {
    const env = {
      ...database,
      REDIS_URL: options.redisUrl,
      CACHE_NAMESPACE: options.cacheNamespace,
    };
    const apiUrls = await Promise.all([start(() => startApi(env)), start(() => startApi(env))]);
    const webUrls = await Promise.all(
      apiUrls.map((apiUrl) => start(() => startWeb(apiUrl, options.pageCacheSeconds))),
    );
    return {
      apiUrls: apiUrls as [string, string],
      webUrls: webUrls as [string, string],
      admin,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
