/**
 * Load test on loopback: throughput and latency of the API's public endpoints (and of the
 * server-rendered site when it is built), each as a ratio to the load-balancer heartbeat measured
 * in the same run. Usage: npm run bench:load [-- --seconds 5 --connections 10]
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import {
  freePort,
  startApiProcess,
  startProcess,
  type StartedProcess,
} from '../../apps/api/test/processes.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const root = path.resolve(import.meta.dirname, '../..');

interface Row {
  name: string;
  url: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function measure(name: string, url: string): Promise<Row> {
  await autocannon({ url, connections, duration: 1 }); // warm caches and JIT
  const result = await autocannon({ url, connections, duration: seconds });
  return {
    name,
    url,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'inkwell-bench-load-'));
  const started: StartedProcess[] = [];
  try {
    const apiProcess = await startApiProcess({ DATA_DIR: dataDir, NODE_ENV: 'production' });
    started.push(apiProcess);
    const api = apiProcess.url;
    const targets: Array<[string, string]> = [
      ['API `/__lbheartbeat__`', `${api}/__lbheartbeat__`],
      ['API `/__heartbeat__`', `${api}/__heartbeat__`],
      ['API listing', `${api}/api/posts`],
      ['API category listing', `${api}/api/posts?category=postgresql`],
      ['API post', `${api}/api/posts/${await newestPostSlug(api)}`],
    ];
    const webServer = path.join(root, 'apps/web/build/server/index.js');
    if (existsSync(webServer)) {
      const startWeb = async (pageCacheSeconds: string): Promise<string> => {
        const port = await freePort();
        started.push(
          await startProcess('npm', ['run', 'serve', '-w', '@inkwell/web'], {
            cwd: root,
            env: {
              ...process.env,
              WEB_PORT: String(port),
              API_URL: api,
              NODE_ENV: 'production',
              PAGE_CACHE_SECONDS: pageCacheSeconds,
            },
            ready: /Web listening on/,
          }),
        );
        return `http://127.0.0.1:${port}`;
      };
      const slug = await newestPostSlug(api);
      // The site as configured by default (one-second page cache), and rendering every request.
      const web = await startWeb('1');
      const rendering = await startWeb('0');
      targets.push(
        ['Web home', `${web}/`],
        ['Web filtered home', `${web}/?category=postgresql`],
        ['Web post', `${web}/posts/${slug}`],
        ['Web home, no page cache', `${rendering}/`],
        ['Web filtered home, no page cache', `${rendering}/?category=postgresql`],
        ['Web post, no page cache', `${rendering}/posts/${slug}`],
      );
    } else {
      console.log("(apps/web is not built: run `npm run build` to include the site's pages)\n");
    }

    const rows: Row[] = [];
    for (const [name, url] of targets) rows.push(await measure(name, url));
    printTable(rows);
  } finally {
    await Promise.all(started.map((process) => process.stop()));
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function newestPostSlug(api: string): Promise<string> {
  const response = await fetch(`${api}/api/posts?pageSize=1`);
  const body = (await response.json()) as { items: Array<{ slug: string }> };
  return body.items[0]!.slug;
}

function printTable(rows: Row[]): void {
  const baseline = rows[0]!;
  console.log(
    `${seconds} s per endpoint, ${connections} connections, Node ${process.version}, loopback\n`,
  );
  console.log(
    '| endpoint | req/s | p50 ms | p99 ms | req/s vs heartbeat | p99 vs heartbeat | errors |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    console.log(
      `| ${row.name} | ${row.requestsPerSecond.toFixed(0)} | ${row.p50} | ${row.p99} | ` +
        `${((row.requestsPerSecond / baseline.requestsPerSecond) * 100).toFixed(0)}% | ` +
        `${(row.p99 / Math.max(baseline.p99, 1)).toFixed(1)}x | ${row.errors} |`,
    );
  }
}

await main();
