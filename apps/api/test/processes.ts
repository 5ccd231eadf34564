import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { applyMigrations, openDatabase, readMigrations, seedDemoContent } from '@inkwell/prisma';
import { createScratchPostgresDatabase, type ScratchDatabase } from '@inkwell/prisma/testing';
import { buildFixtureContent } from './fixtures.js';

/** A port the OS says is free right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Cheap password hashes for the processes tests start (production: 17), as in test-api.ts. */
export const TEST_PASSWORD_HASH_COST = '10';

export interface StartedProcess {
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a process and resolves once a line of its output matches `ready`. */
export async function startProcess(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; ready: RegExp; cwd?: string; timeoutMs?: number },
): Promise<StartedProcess> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${command} did not become ready:\n${output}`)),
      options.timeoutMs ?? 120_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code}:\n${output}`));
    });
  });
  return {
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const repoRoot = new URL('../../../', import.meta.url).pathname;

export interface ApiProcess extends StartedProcess {
  url: string;
}

export interface CommandResult {
  code: number | null;
  output: string;
}

/** Runs an API command-line task from source (as `npm run <task>` does) to its end. */
export async function runApiCommand(
  script: string,
  options: { env: NodeJS.ProcessEnv; args?: string[]; input?: string },
): Promise<CommandResult> {
  const child = spawn(
    process.execPath,
    [
      '--conditions=@inkwell/source',
      '--import',
      'tsx',
      `apps/api/src/${script}`,
      ...(options.args ?? []),
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, PASSWORD_HASH_COST: TEST_PASSWORD_HASH_COST, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdin.end(options.input ?? '');
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}

/** The API from source in a child process on a free port, as `npm start` runs it. */
export async function startApiProcess(env: NodeJS.ProcessEnv): Promise<ApiProcess> {
  const port = await freePort();
  const started = await startProcess(
    process.execPath,
    ['--conditions=@inkwell/source', '--import', 'tsx', 'apps/api/src/main.ts'],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        PASSWORD_HASH_COST: TEST_PASSWORD_HASH_COST,
        ...env,
        API_PORT: String(port),
      },
      ready: /API listening on/,
    },
  );
  return { ...started, url: `http://127.0.0.1:${port}` };
}

/** A scratch PostgreSQL database, migrated and holding the fixture content, for API processes. */
export async function seededScratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const scratch = await createScratchPostgresDatabase(prefix);
  const db = await openDatabase({ databaseUrl: scratch.url, dataDir: '' });
  try {
    await db.withScriptRunner(async (runner) => applyMigrations(runner, await readMigrations()));
    await seedDemoContent(db.prisma, buildFixtureContent());
  } finally {
    await db.close();
  }
  return scratch;
}
