/**
 * What one server-rendered page costs: the site's built pages with the page cache off
 * (PAGE_CACHE_SECONDS=0), each as CPU milliseconds per page in the site and in the API (read
 * from /proc for each process around the load), and as req/s next to the API's load-balancer
 * heartbeat in the same run. Needs `npm run build -w @inkwell/web` first.
 * Usage: npm run bench:render [-- --seconds 5 --connections 10 --build build]
 * Several `--build` folders (e.g. a copy of an older build) are measured side by side, page by
 * page, so a comparison on a busy machine sees the same load. Every request carries a browser's
 * headers (bench:load's), so pages are compressed as a browser gets them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import {
  startApiProcess,
  startWebServer,
  type StartedProcess,
  workspacePackageDir,
} from '@inkwell/test-stack';
import { ACCEPT, BROWSER_HEADERS } from '../load/rounds.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    // The site's build folders, relative to apps/web (the browser checks build into another).
    build: { type: 'string', multiple: true, default: ['build'] },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in milliseconds. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / TICKS_PER_SECOND;
}

interface Row {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  siteCpuMs: number | undefined;
  apiCpuMs: number;
  errors: number;
}

async function measure(
  name: string,
  url: string,
  processes: { api: number; site?: number },
): Promise<Row> {
  const headers = { ...BROWSER_HEADERS, accept: ACCEPT.page };
  await autocannon({ url, connections, headers, duration: 1 }); // warm caches and JIT
  const before = { api: cpuMs(processes.api), site: processes.site && cpuMs(processes.site) };
  const result = await autocannon({ url, connections, headers, duration: seconds });
  const requests = result.requests.total;
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    siteCpuMs:
      processes.site && before.site !== undefined
        ? (cpuMs(processes.site) - before.site) / requests
        : undefined,
    apiCpuMs: (cpuMs(processes.api) - before.api) / requests,
    errors: result.errors + result.non2xx,
  };
}

async function newestPostSlug(api: string): Promise<string> {
  const response = await fetch(`${api}/api/posts?pageSize=1`);
  const body = (await response.json()) as { items: Array<{ slug: string }> };
  return body.items[0]!.slug;
}

const pidOf = (started: StartedProcess | { child: StartedProcess['child'] }): number => {
  if (started.child.pid === undefined) throw new Error('a server process has no pid');
  return started.child.pid;
};

function printTable(rows: Row[]): void {
  const heartbeat = rows[0]!;
  console.log(
    `${seconds} s per page, ${connections} connections, browser headers, page cache off, ` +
      `Node ${process.version}\n`,
  );
  console.log(
    '| endpoint | req/s | p50 ms | p99 ms | req/s vs heartbeat | site CPU ms/page | API CPU ms/page | errors |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    console.log(
      `| ${row.name} | ${row.requestsPerSecond.toFixed(0)} | ${row.p50} | ${row.p99} | ` +
        `${(row.requestsPerSecond / heartbeat.requestsPerSecond).toFixed(3)} | ` +
        `${row.siteCpuMs === undefined ? '' : row.siteCpuMs.toFixed(2)} | ` +
        `${row.apiCpuMs.toFixed(2)} | ${row.errors} |`,
    );
  }
}

async function main(): Promise<void> {
  const buildDirs = values.build.map((build) =>
    path.resolve(workspacePackageDir('@inkwell/web'), build),
  );
  for (const buildDir of buildDirs) {
    if (!existsSync(path.join(buildDir, 'node/server/main.js'))) {
      throw new Error(`No site build in ${buildDir}: run npm run build -w @inkwell/web`);
    }
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'inkwell-bench-render-'));
  const stops: Array<() => Promise<void>> = [];
  try {
    const api = await startApiProcess({ DATA_DIR: dataDir, NODE_ENV: 'production' });
    stops.push(api.stop);
    const sites = [];
    for (const [index, buildDir] of buildDirs.entries()) {
      const site = await startWebServer(buildDir, api.url, { PAGE_CACHE_SECONDS: '0' });
      stops.push(site.stop);
      const label = buildDirs.length > 1 ? ` (${values.build[index]})` : '';
      sites.push({ url: site.webUrl, pid: pidOf(site), label });
    }
    const slug = await newestPostSlug(api.url);
    const pages = [
      ['Web home', '/'],
      ['Web post', `/posts/${slug}`],
    ] as const;
    const rows = [
      await measure('API `/__lbheartbeat__`', `${api.url}/__lbheartbeat__`, { api: pidOf(api) }),
    ];
    for (const [name, pagePath] of pages) {
      for (const site of sites) {
        rows.push(
          await measure(`${name}${site.label}`, `${site.url}${pagePath}`, {
            api: pidOf(api),
            site: site.pid,
          }),
        );
      }
    }
    printTable(rows);
  } finally {
    for (const stop of stops.reverse()) await stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
