import path from 'node:path';
import {
  type EnvVars,
  type ScaledOutStack,
  type Stack,
  type WebServer,
  WORKSPACE_ROOT,
  runCommand,
  sourceArgs,
  startFirstRunStack as startFirstRunStackOf,
  startScaledOutStack as startScaledOutStackOf,
  startStack as startStackOf,
  startWebServer as startWebServerOf,
} from '@inkwell/test-stack';

/*
 * What the browser checks and the screenshot script need, on the shared launcher
 * (@inkwell/test-stack): the site built into the checks' own folder, and the stacks that serve
 * that build in front of the API from source.
 */

export { type ScaledOutStack, type Stack, type WebServer };

const webRoot = path.resolve(import.meta.dirname, '..');

/**
 * The checks' own production build, apart from `npm run build`'s (which empties build/), so a
 * server someone runs from build/ keeps its assets while the tests run. A folder named build
 * is ignored by git, ESLint and Prettier wherever it is.
 */
const testBuildDir = '.browser-test/build';

/** Absolute path of the checks' build (client, server and node folders). */
export const testBuildPath = (): string => path.join(webRoot, testBuildDir);

async function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const { code, output } = await runCommand(command, args, { cwd: webRoot, env });
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${output}`);
}

/** Builds the site and its static bundles as `npm run build` does, into the test build folder. */
export async function buildWeb(): Promise<void> {
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    WEB_BUILD_DIR: testBuildDir,
  };
  const bin = (name: string) => path.join(WORKSPACE_ROOT, 'node_modules/.bin', name);
  await run(bin('remix'), ['vite:build'], env);
  // The workspace libraries the server (not the Remix bundle) imports, read from their dist/.
  for (const library of ['http-drain', 'telemetry']) {
    await run(
      bin('tsc'),
      ['-p', path.join(WORKSPACE_ROOT, `libs/${library}/tsconfig.build.json`)],
      env,
    );
  }
  await run(bin('tsc'), ['-p', 'tsconfig.server.json', '--outDir', `${testBuildDir}/node`], env);
  const bundlesCli = path.join(WORKSPACE_ROOT, 'libs/assets/src/bundles/cli.ts');
  await run(
    process.execPath,
    sourceArgs(bundlesCli, [
      'build',
      '--config',
      'bundles.json',
      '--out',
      `${testBuildDir}/bundles`,
      '--base-url',
      '/bundles/',
    ]),
    env,
  );
}

/** The site with its admin (`npm run user:create`) and the demo content. */
export const startStack = (
  options: { pageCacheSeconds?: number; apiEnv?: EnvVars } = {},
): Promise<Stack> => startStackOf({ webBuildDir: testBuildDir, ...options });

/** A site on its first run: the demo content and no user yet, so /admin offers the setup. */
export const startFirstRunStack = (
  options: { pageCacheSeconds?: number } = {},
): Promise<Omit<Stack, 'admin'>> => startFirstRunStackOf({ webBuildDir: testBuildDir, ...options });

/** Two APIs and two sites on one PostgreSQL database and one Redis (see the launcher). */
export const startScaledOutStack = (
  options: Omit<Parameters<typeof startScaledOutStackOf>[0], 'webBuildDir'>,
): Promise<ScaledOutStack> => startScaledOutStackOf({ webBuildDir: testBuildDir, ...options });

/** The checks' build on a free loopback port, in front of the API at `apiUrl`. */
export const startWebServer = (apiUrl: string, env: EnvVars = {}): Promise<WebServer> =>
  startWebServerOf(testBuildDir, apiUrl, env);
