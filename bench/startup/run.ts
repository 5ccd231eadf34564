/**
 * `npm start` as a user meets it: the time until both addresses answer (the site's home page
 * 200 and the API's heartbeat 200), on a fresh data dir (migrations and the demo content) and
 * on a warm restart of the same one; then the resident memory of every process `npm start`
 * leaves running, idle and after a few page views. Usage: npm run bench:startup
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '@inkwell/test-stack';

const root = path.resolve(import.meta.dirname, '../..');

interface Started {
  npm: ChildProcess;
  seconds: number;
  output: () => string;
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

async function start(env: NodeJS.ProcessEnv, siteUrl: string, apiUrl: string): Promise<Started> {
  const startedAt = performance.now();
  const npm = spawn('npm', ['start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (;;) {
    if (npm.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
    if ((await answers(`${siteUrl}/`)) && (await answers(`${apiUrl}/__lbheartbeat__`))) break;
    await sleep(50);
  }
  return { npm, seconds: (performance.now() - startedAt) / 1000, output: () => output };
}

async function stop(started: Started): Promise<void> {
  const exited = new Promise((resolve) => started.npm.once('exit', resolve));
  started.npm.kill('SIGTERM');
  await exited;
  // npm returns once the site's process has, and that once the API has.
  await sleep(500);
}

interface ProcessInfo {
  pid: number;
  ppid: number;
  rssMiB: number;
  command: string;
}

function processTable(): ProcessInfo[] {
  const table: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      const rssKiB = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      table.push({ pid: Number(entry), ppid, rssMiB: rssKiB / 1024, command });
    } catch {
      // The process ended while the table was read.
    }
  }
  return table;
}

/** `npm start` and everything under it. */
function processTree(rootPid: number): ProcessInfo[] {
  const table = processTable();
  const tree = table.filter((info) => info.pid === rootPid);
  for (let i = 0; i < tree.length; i++) {
    tree.push(...table.filter((info) => info.ppid === tree[i]!.pid));
  }
  return tree;
}

function memoryRows(label: string, tree: ProcessInfo[]): string[] {
  const total = tree.reduce((sum, info) => sum + info.rssMiB, 0);
  return [
    ...tree.map(
      (info) =>
        `| ${label} | ${info.command.slice(0, 48).padEnd(48)} | ${info.rssMiB.toFixed(0).padStart(4)} |`,
    ),
    `| ${label} | ${'total'.padEnd(48)} | ${total.toFixed(0).padStart(4)} |`,
  ];
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'inkwell-bench-startup-'));
const [apiPort, webPort] = [await freePort(), await freePort()];
const siteUrl = `http://127.0.0.1:${webPort}`;
const apiUrl = `http://127.0.0.1:${apiPort}`;
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  API_PORT: String(apiPort),
  WEB_PORT: String(webPort),
  NO_COLOR: '1',
  // Nx sets FORCE_COLOR for its tasks; beside NO_COLOR, Node warns about the pair on stderr.
  FORCE_COLOR: undefined,
};
try {
  const load = loadavg()[0]!.toFixed(1);
  const first = await start(env, siteUrl, apiUrl);
  const built = first.output().includes('Building Inkwell');
  await stop(first);
  const warm = await start(env, siteUrl, apiUrl);
  await sleep(3_000);
  const idle = processTree(warm.npm.pid!);
  const listing = (await (await fetch(`${apiUrl}/api/posts`)).json()) as {
    items: { slug: string }[];
  };
  for (let round = 0; round < 3; round++) {
    for (const page of ['/', '/?category=rust', '/search?q=postgres'])
      await answers(`${siteUrl}${page}`);
    for (const post of listing.items) await answers(`${siteUrl}/posts/${post.slug}`);
  }
  await sleep(3_000);
  const busy = processTree(warm.npm.pid!);
  await stop(warm);

  console.log(`npm start, Node ${process.version}, load average ${load} at start\n`);
  console.log('| start                                                   | both answer |');
  console.log('| ------------------------------------------------------- | ----------- |');
  const firstLabel = built
    ? 'first start: build, fresh data dir (migrations, demo seed)'
    : 'first start: fresh data dir (migrations, demo seed)';
  console.log(`| ${firstLabel.padEnd(55)} | ${first.seconds.toFixed(1).padStart(9)} s |`);
  console.log(
    `| ${'warm restart, nothing changed'.padEnd(55)} | ${warm.seconds.toFixed(1).padStart(9)} s |`,
  );
  console.log('\nResident memory (MiB) of what `npm start` leaves running:\n');
  console.log(`| when | ${'process'.padEnd(48)} |  RSS |`);
  console.log(`| ---- | ${'-'.repeat(48)} | ---- |`);
  for (const row of [
    ...memoryRows('idle', idle),
    ...memoryRows(`after ${3 * (3 + listing.items.length)} pages`, busy),
  ]) {
    console.log(row);
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
