/**
 * Where a server-rendered post page's CPU goes in the site: the built site (page cache off)
 * in front of the API from source, warmed up, then profiled by V8's sampling profiler
 * (cpu-profiler.mjs) while autocannon asks for the newest post with a browser's headers. Prints
 * the busy time by area (profile-areas.ts) and the functions with the most self time.
 * Usage: npm run bench:render:profile [-- --build build --seconds 10]
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startApiProcess, startWebServer, workspacePackageDir } from '@inkwell/test-stack';
import { ACCEPT, BROWSER_HEADERS } from '../load/rounds.js';
import { type Area, type CpuProfile, shareByArea } from './profile-areas.js';

const { values } = parseArgs({
  options: {
    build: { type: 'string', default: 'build' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
  },
});

const urlHas =
  (pattern: RegExp): Area['has'] =>
  (frame) =>
    pattern.test(frame.url);

/** Nearest frame first; compression claims its whole stack (its native calls have no URL). */
const AREAS: Area[] = [
  {
    name: 'compression (whole body, one call)',
    has: (frame) => frame.functionName === 'zlibBufferSync',
    wholeStack: true,
  },
  { name: 'garbage collection', has: (frame) => frame.functionName === '(garbage collector)' },
  { name: 'route matching and loaders (@remix-run/router)', has: urlHas(/@remix-run\/router\//) },
  {
    name: 'React render (react-dom, Remix and app components)',
    has: urlHas(/react-dom|react\/cjs|react-router|@remix-run\/react|build\/server\/index\.js/),
  },
  {
    name: 'Remix server runtime, turbo-stream',
    has: urlHas(/turbo-stream|@remix-run\/server-runtime/),
  },
  { name: 'API answer checks (zod)', has: urlHas(/\/zod\//) },
  { name: 'web Request/Response glue (remix-handler)', has: urlHas(/remix-handler\.js/) },
  {
    name: 'Express, request log, metrics, security headers',
    has: urlHas(
      /express|pino|helmet|prom-client|telemetry|security-headers|request-guard|api-gate/,
    ),
  },
];

function topSelf(profile: CpuProfile, count: number): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map<string, number>();
  let busy = 0;
  for (const sample of profile.samples) {
    const { functionName, url } = byId.get(sample)!;
    if (functionName === '(idle)') continue;
    busy += 1;
    const name = `${functionName || '(anonymous)'} ${url.replace(/.*node_modules\//, '')}`;
    self.set(name, (self.get(name) ?? 0) + 1);
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, samples]) => [name, samples / busy]);
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'inkwell-bench-render-profile-'));
  const profilePath = path.join(dataDir, 'site.cpuprofile');
  const stops: Array<() => Promise<void>> = [];
  try {
    const api = await startApiProcess({ DATA_DIR: dataDir, NODE_ENV: 'production' });
    stops.push(api.stop);
    const site = await startWebServer(
      path.resolve(workspacePackageDir('@inkwell/web'), values.build),
      api.url,
      {
        PAGE_CACHE_SECONDS: '0',
        NODE_OPTIONS: `--import ${path.join(import.meta.dirname, 'cpu-profiler.mjs')}`,
        CPU_PROFILE_PATH: profilePath,
      },
    );
    stops.push(site.stop);
    const newest = await fetch(`${api.url}/api/posts?pageSize=1`);
    const { items } = (await newest.json()) as { items: Array<{ slug: string }> };
    const url = `${site.webUrl}/posts/${items[0]!.slug}`;
    const load = {
      url,
      connections: Number(values.connections),
      headers: { ...BROWSER_HEADERS, accept: ACCEPT.page },
    };
    await autocannon({ ...load, duration: 2 }); // warm caches and JIT
    site.child.kill('SIGUSR2');
    const result = await autocannon({ ...load, duration: Number(values.seconds) });
    site.child.kill('SIGUSR2');
    await site.stop();
    stops.pop();
    const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile;
    console.log(
      `${result.requests.total} post pages in ${values.seconds} s, Node ${process.version}\n`,
    );
    console.log('| area of the site | share of busy CPU |\n| --- | ---: |');
    for (const { name, share } of shareByArea(profile, AREAS))
      console.log(`| ${name} | ${percent(share)} |`);
    console.log('\nMost self time:');
    for (const [name, share] of topSelf(profile, 20))
      console.log(`${percent(share).padStart(6)} ${name}`);
  } finally {
    for (const stop of stops.reverse()) await stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
