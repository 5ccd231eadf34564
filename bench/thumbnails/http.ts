/**
 * A disk-cached thumbnail over HTTP against a static file of the same size: from the API, and
 * through the site beside it (one DATA_DIR, as `npm start` runs them: the site serves the file)
 * or apart (its own DATA_DIR: the site proxies to the API). autocannon on loopback.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { imageDirectories, OriginalStore } from '@inkwell/assets/thumbnails';
import { freePort, startApiProcess, startProcess, type StartedProcess } from '@inkwell/test-stack';

const SECONDS = 5;
const CONNECTIONS = 10;
const root = resolve(import.meta.dirname, '../..');

interface Row {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function measure(name: string, url: string): Promise<Row> {
  await autocannon({ url, connections: CONNECTIONS, duration: 1 }); // warm caches and JIT
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** express.static in its own process, with the headers the site gives its immutable files. */
const STATIC_SERVER = `
const express = require('express');
const [dir, port] = process.argv.slice(1);
const app = express();
app.disable('x-powered-by');
app.use(express.static(dir, { immutable: true, maxAge: '1y', index: false }));
app.listen(Number(port), '127.0.0.1', () => console.log('Static listening'));
`;

export async function benchServing(workDir: string, source: Buffer): Promise<void> {
  const dataDir = join(workDir, 'data');
  const image = await new OriginalStore(imageDirectories(dataDir).originals).save(
    source,
    'bench.jpg',
    { maxBytes: 50_000_000 },
  );
  const started: StartedProcess[] = [];
  try {
    const api = await startApiProcess({ DATA_DIR: dataDir, NODE_ENV: 'production' });
    started.push(api);
    const path = `/images/${image.hash}/640.webp`;
    const made = await fetch(`${api.url}${path}`);
    if (!made.ok) throw new Error(`${path} answered ${made.status}`);
    const bytes = Buffer.from(await made.arrayBuffer());

    const staticDir = join(workDir, 'static');
    await mkdir(staticDir, { recursive: true });
    await writeFile(join(staticDir, 'same-size.webp'), bytes);
    const staticPort = await freePort();
    started.push(
      await startProcess(process.execPath, ['-e', STATIC_SERVER, staticDir, String(staticPort)], {
        cwd: root,
        env: process.env,
        ready: /Static listening/,
      }),
    );
    const targets: Array<[string, string]> = [
      ['static file (express.static)', `http://127.0.0.1:${staticPort}/same-size.webp`],
      ['API thumbnail', `${api.url}${path}`],
    ];

    if (existsSync(join(root, 'apps/web/build/node/server/main.js'))) {
      const startSite = async (siteDataDir: string): Promise<string> => {
        const port = await freePort();
        started.push(
          await startProcess('npm', ['run', 'serve', '-w', '@inkwell/web'], {
            cwd: root,
            env: {
              ...process.env,
              WEB_PORT: String(port),
              API_URL: api.url,
              DATA_DIR: siteDataDir,
              SESSION_SECRET: 'inkwell-bench-thumbnails-session-secret',
              NODE_ENV: 'production',
            },
            ready: /Web listening on/,
          }),
        );
        return `http://127.0.0.1:${port}`;
      };
      targets.push(
        ['site thumbnail, beside the API (one DATA_DIR)', `${await startSite(dataDir)}${path}`],
        [
          'site thumbnail, apart (proxied to the API)',
          `${await startSite(join(workDir, 'site-apart'))}${path}`,
        ],
      );
    } else {
      console.log('\n(apps/web is not built: run `npm run build` to include the site)');
    }

    const rows: Row[] = [];
    for (const [name, url] of targets) rows.push(await measure(name, url));
    const baseline = rows[0]!;
    console.log(
      `\n640 px WebP of ${bytes.byteLength} bytes, ${SECONDS} s per row, ${CONNECTIONS} connections, loopback\n`,
    );
    console.log('| served | req/s | p50 ms | p99 ms | req/s vs static file | errors |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const row of rows) {
      console.log(
        `| ${row.name} | ${Math.round(row.requestsPerSecond)} | ${row.p50} | ${row.p99} | ${(row.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)} | ${row.errors} |`,
      );
    }
  } finally {
    await Promise.all(started.map((process) => process.stop()));
  }
}
