import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { freePort } from './free-port.js';
import {
  type EnvVars,
  runSourceScript,
  type ScriptResult,
  startSourceServer,
} from './source-script.js';
import { type StartedProcess } from './start-process.js';
import { workspacePackageDir } from './workspace-package.js';

export interface ApiProcess extends StartedProcess {
  url: string;
}

const apiFile = (file: string): string => path.join(workspacePackageDir('@inkwell/api'), file);

/**
 * The API from source in a child process on a free loopback port, as `npm start` runs it, with
 * `env` (its database, cache...) over the test's own.
 */
export async function startApiProcess(env: EnvVars = {}): Promise<ApiProcess> {
  const port = await freePort();
  const started = await startSourceServer(apiFile('src/main.ts'), {
    name: 'API',
    env: { ...env, API_PORT: String(port) },
    ready: /API listening on/,
  });
  return { ...started, url: `http://127.0.0.1:${port}` };
}

/** Runs an API command-line script (e.g. `src/cli/reindex.ts`) from source to its end. */
export function runApiScript(
  script: string,
  options: { env?: EnvVars; args?: readonly string[]; input?: string } = {},
): Promise<ScriptResult> {
  return runSourceScript(apiFile(script), options);
}

export interface Admin {
  email: string;
  password: string;
}

/**
 * `npm run user:create` for a test administrator on the database named in `database`
 * (`DATA_DIR` or `DATABASE_URL`), before an API opens it (PGlite has one user).
 */
export async function createAdmin(database: EnvVars): Promise<Admin> {
  const admin = { email: 'admin@inkwell.test', password: randomBytes(12).toString('hex') };
  const { code, output } = await runApiScript('src/auth/create-user.cli.ts', {
    env: database,
    args: ['--email', admin.email],
    input: `${admin.password}\n`,
  });
  if (code !== 0) throw new Error(`creating the admin failed:\n${output}`);
  return admin;
}
