import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultLogFormat } from '@inkwell/telemetry';
import { loadWebConfig, type WebConfig } from './config.js';
import { type RunningWebServer, startWebServer } from './web-server.js';

/*
 * `npm start` after the up-to-date check (start.js): this process spawns the built API as its
 * only child, serves the site itself, and prints both addresses once both listen. A running
 * site is then the two servers and nothing else (ADR 0020).
 *
 * The API runs in its own process group, so a terminal's Ctrl-C reaches it once, from here,
 * rather than twice and mid-shutdown. It learns that this process is gone from its IPC channel
 * closing, and stops itself (apps/api/src/main.ts).
 */

export interface ApiSpec {
  /** Absolute folder the API runs in. */
  cwd: string;
  /** Built entry point, relative to `cwd`. */
  entry: string;
  env: NodeJS.ProcessEnv;
}

export interface LaunchSettings {
  api: ApiSpec;
  site: WebConfig;
}

/**
 * The API and the site as the README's variables configure them. The API keeps its data under
 * the workspace's `data/` unless DATA_DIR says otherwise; the site finds the API at
 * API_HOST:API_PORT unless API_URL says otherwise. Both print to this terminal, in one format:
 * LOG_FORMAT, else readable lines on a terminal unless the user's NODE_ENV is production (the
 * site always serves its production build).
 */
export function launchSettings(
  root: string,
  env: NodeJS.ProcessEnv,
  { stdoutIsTTY = false }: { stdoutIsTTY?: boolean } = {},
): LaunchSettings {
  // Relative to where the user started from, as every other path they type.
  const dataDir = path.resolve(env.DATA_DIR || path.join(root, 'data'));
  const apiUrl = env.API_URL || `http://${env.API_HOST || '127.0.0.1'}:${env.API_PORT || '3001'}`;
  const logFormat =
    env.LOG_FORMAT ||
    defaultLogFormat({ production: env.NODE_ENV === 'production', isTTY: stdoutIsTTY });
  return {
    api: {
      cwd: path.join(root, 'apps/api'),
      entry: 'dist/main.js',
      env: { ...env, DATA_DIR: dataDir, LOG_FORMAT: logFormat },
    },
    site: loadWebConfig({
      ...env,
      NODE_ENV: 'production',
      API_URL: apiUrl,
      DATA_DIR: dataDir,
      LOG_FORMAT: logFormat,
    }),
  };
}

/** What the API sends over IPC once it listens (apps/api/src/main.ts). */
function isListeningMessage(message: unknown): message is { type: 'listening'; url: string } {
  return (
    typeof message === 'object' &&
    message !== null &&
    'type' in message &&
    message.type === 'listening' &&
    'url' in message &&
    typeof message.url === 'string'
  );
}

function printAddresses(siteUrl: string, apiUrl: string, startedAt: number): void {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(
    [
      '',
      `Inkwell is running (ready in ${seconds} s):`,
      `  site   ${siteUrl}/`,
      `  admin  ${siteUrl}/admin`,
      `  API    ${apiUrl}/`,
      'Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );
}

export interface LaunchOptions {
  /** The workspace root. */
  root: string;
  env: NodeJS.ProcessEnv;
  /** `performance.now()` when `npm start` began, for the "ready in" figure. */
  startedAt: number;
}

/**
 * Runs the API beside the site until a signal (SIGINT, SIGTERM, SIGHUP) stops both, or one of
 * them fails, which stops the other. Resolves with the exit code for `npm start`.
 */
export async function launch({ root, env, startedAt }: LaunchOptions): Promise<number> {
  let settings: LaunchSettings;
  try {
    settings = launchSettings(root, env, { stdoutIsTTY: process.stdout.isTTY });
  } catch (error) {
    // A bad setting is the operator's to fix: say which, without a stack trace.
    console.error((error as Error).message);
    return 1;
  }
  const stopRequested = new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
      process.on(signal, () => resolve());
  });

  const api = spawn(process.execPath, [settings.api.entry], {
    cwd: settings.api.cwd,
    env: settings.api.env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    detached: true,
  });
  const apiExit = new Promise<string>((resolve) =>
    api.once('exit', (code, signal) => resolve(signal ?? `exit code ${code}`)),
  );
  const apiUrl = new Promise<string>((resolve) =>
    api.on('message', (message) => {
      if (isListeningMessage(message)) resolve(message.url);
    }),
  );
  const stopApi = async (): Promise<void> => {
    if (api.exitCode === null && api.signalCode === null) api.kill('SIGTERM');
    await apiExit;
  };

  // The site imports its build and listens while the API opens its database.
  let site: RunningWebServer;
  try {
    site = await startWebServer(settings.site);
  } catch (error) {
    console.error(`The site did not start (${(error as Error).message}); stopping Inkwell.`);
    await stopApi();
    return 1;
  }
  let stopping = false;
  void apiUrl.then((url) => {
    if (!stopping) printAddresses(site.url, url, startedAt);
  });

  const reason = await Promise.race([
    stopRequested.then(() => undefined),
    apiExit.then((how) => `API stopped (${how}); stopping Inkwell.`),
  ]);
  stopping = true;
  if (reason) console.error(reason);
  // The site first: the pages it is still rendering reach the API, which stops once they are done.
  await site.close();
  await stopApi();
  return reason ? 1 : 0;
}
