import { spawn } from 'node:child_process';
import path from 'node:path';
import { type StartedProcess, startProcess } from './start-process.js';

/** The workspace root: scripts run from it, as `npm run` of the root does. */
export const WORKSPACE_ROOT = path.resolve(import.meta.dirname, '../../..');

/** Cheap password hashes for the processes tests start (production: 17). */
export const TEST_PASSWORD_HASH_COST = '10';

/** Node running a TypeScript file from source, workspace packages read from theirs. */
export const sourceArgs = (script: string, args: readonly string[] = []): string[] => [
  '--conditions=@inkwell/source',
  '--import',
  'tsx',
  script,
  ...args,
];

/** Variables set (or, `undefined`, removed) over the test's own environment. */
export type EnvVars = Record<string, string | undefined>;

/** What every process started here gets over the test's own environment. */
function processEnv(env: EnvVars): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PASSWORD_HASH_COST: TEST_PASSWORD_HASH_COST,
    NO_COLOR: '1',
    FORCE_COLOR: undefined,
    ...env,
  };
}

export interface ScriptResult {
  code: number | null;
  output: string;
}

/** Runs a command to its end, `input` on its stdin, and collects what it printed. */
export async function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; input?: string },
): Promise<ScriptResult> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdin.end(options.input ?? '');
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}

/** Runs a TypeScript command-line script from source to its end, `input` on its stdin. */
export function runSourceScript(
  script: string,
  options: { env?: EnvVars; args?: readonly string[]; input?: string } = {},
): Promise<ScriptResult> {
  return runCommand(process.execPath, sourceArgs(script, options.args), {
    cwd: WORKSPACE_ROOT,
    env: processEnv(options.env ?? {}),
    ...(options.input === undefined ? {} : { input: options.input }),
  });
}

/** Starts a TypeScript server from source and resolves once its output matches `ready`. */
export function startSourceServer(
  script: string,
  options: { env: EnvVars; ready: RegExp; name: string; timeoutMs?: number },
): Promise<StartedProcess> {
  return startProcess(process.execPath, sourceArgs(script), {
    ...options,
    cwd: WORKSPACE_ROOT,
    env: processEnv(options.env),
  });
}
