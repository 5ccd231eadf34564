import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { logMessages } from '../log-messages.js';

/*
 * `npm start` as a user runs it, on free ports and a fresh data dir, from the last build
 * (`--no-build`: Nx builds the servers before this project's tests run).
 */

const workspaceRoot = path.resolve(import.meta.dirname, '../../../..');
let dataDir: string;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Launched {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  siteUrl: string;
  apiUrl: string;
}

/** Every `npm start` of a test, stopped after it even when the test failed half-way. */
const launched: { child: ChildProcess; exited: Promise<unknown> }[] = [];

async function launch(): Promise<Launched> {
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const child = spawn('npm', ['start', '--', '--no-build'], {
    cwd: workspaceRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NO_COLOR: '1',
      // Nx sets FORCE_COLOR for its tasks; beside NO_COLOR, Node warns about the pair on stderr.
      FORCE_COLOR: undefined,
      DATA_DIR: dataDir,
      API_PORT: String(apiPort),
      WEB_PORT: String(webPort),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  launched.push({ child, exited });
  await vi.waitFor(() => expect(output).toContain('Stop with Ctrl-C.'), {
    timeout: 120_000,
    interval: 200,
  });
  return {
    child,
    output: () => output,
    exited,
    siteUrl: `http://127.0.0.1:${webPort}`,
    apiUrl: `http://127.0.0.1:${apiPort}`,
  };
}

interface ProcessRow {
  pid: number;
  ppid: number;
  command: string;
}

/** Every process under `npm start`'s own, with its command line. */
function processesUnder(npmPid: number): ProcessRow[] {
  const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => {
      const [pid, ppid, ...args] = line.trim().split(/\s+/);
      return { pid: Number(pid), ppid: Number(ppid), command: args.join(' ') };
    });
  const tree: ProcessRow[] = [];
  const pids = new Set([npmPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const row of table) {
      if (pids.has(row.ppid) && !pids.has(row.pid)) {
        pids.add(row.pid);
        tree.push(row);
        grew = true;
      }
    }
  }
  return tree;
}

/** The two servers under `npm start`: the site (which started the API) and the API. */
function serverPids(npmPid: number): Map<string, number> {
  const pids = new Map<string, number>();
  for (const row of processesUnder(npmPid)) {
    if (row.command.endsWith('dist/main.js')) pids.set('API', row.pid);
    if (row.command.endsWith('apps/web/server/start.js --no-build')) pids.set('Site', row.pid);
  }
  return pids;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'inkwell-launcher-test-'));
});

afterEach(async () => {
  for (const { child, exited } of launched.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  }
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  test('prints the addresses last, once both answer; SIGTERM stops both and exits 0', async () => {
    const started = await launch();
    const output = started.output().trimEnd().split('\n');
    expect(output.slice(-5)).toEqual([
      expect.stringMatching(/^Inkwell is running \(ready in \d+\.\d s\):$/),
      `  site   ${started.siteUrl}/`,
      `  admin  ${started.siteUrl}/admin`,
      `  API    ${started.apiUrl}/`,
      'Stop with Ctrl-C.',
    ]);
    // Nest's per-route lines are debug-level now.
    expect(started.output()).not.toContain('Mapped {');
    expect((await fetch(`${started.apiUrl}/__lbheartbeat__`)).status).toBe(200);
    // On a loaded machine the site's API gate may still answer its 503 page for a moment.
    await vi.waitFor(async () => expect((await fetch(`${started.siteUrl}/`)).status).toBe(200), {
      timeout: 30_000,
      interval: 500,
    });

    // A running site is the two servers alone: the site's process and its API child.
    const servers = serverPids(started.child.pid!);
    expect([...servers.keys()].sort()).toEqual(['API', 'Site']);
    const tree = processesUnder(started.child.pid!).map(({ pid, ppid }) => ({ pid, ppid }));
    expect(tree).toHaveLength(2);
    expect(tree).toEqual(
      expect.arrayContaining([
        { pid: servers.get('Site'), ppid: started.child.pid },
        { pid: servers.get('API'), ppid: servers.get('Site') },
      ]),
    );
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
    for (const pid of servers.values()) expect(isRunning(pid)).toBe(false);
    // The site stops first (its last line), and only then is the API told to: pages being
    // rendered at the signal still reach the API.
    const messages = logMessages(started.output());
    const siteStopped = messages.indexOf('Stopped');
    expect(siteStopped).toBeGreaterThan(-1);
    expect(messages.findIndex((line) => line.startsWith('SIGTERM: finishing'))).toBeGreaterThan(
      siteStopped,
    );
  });

  test('an API that dies stops the site and npm start fails', async () => {
    const started = await launch();
    const servers = serverPids(started.child.pid!);
    process.kill(servers.get('API')!, 'SIGKILL');
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('API stopped (SIGKILL); stopping Inkwell.');
    await vi.waitFor(() => expect(isRunning(servers.get('Site')!)).toBe(false));
  });

  test('a site process that is killed takes the API with it', async () => {
    const started = await launch();
    const servers = serverPids(started.child.pid!);
    process.kill(servers.get('Site')!, 'SIGKILL');
    await started.exited;
    await vi.waitFor(() => expect(isRunning(servers.get('API')!)).toBe(false), { timeout: 20_000 });
  });
});
