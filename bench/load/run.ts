/**
 * Load test of Inkwell as `npm start` runs it (the built site, which spawns the built API), on
 * a scratch embedded database per blog size, with browser headers and two traffic shapes: one
 * hot URL, and every post by Zipf's law. Rounds of each row alternate with rounds of the API's
 * load-balancer heartbeat, so every row reads as a ratio to a baseline measured beside it.
 *
 *   npm run bench:load [-- --seconds 2 --rounds 3 --connections 10 --posts 35,1000 --only site]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_PAGE_SIZE } from '@inkwell/contract';
import { WORKSPACE_ROOT } from '@inkwell/test-stack';
import { buildIfStale } from '../../apps/web/server/build-inputs.js';
import { seedBlog, storeBenchImage } from './blog.js';
import {
  ACCEPT,
  runRound,
  visitEach,
  type RoundOptions,
  type RoundResult,
  type Target,
} from './rounds.js';
import { startSite, type RunningSite, type SiteOptions } from './site.js';
import { markdownTable, summarize, type Row } from './summary.js';
import { zipfPicker } from './zipf.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    posts: { type: 'string', default: '35,1000' },
    only: { type: 'string', default: '' },
  },
});
/** A whole number of at least 1, or a start-up error naming the option. */
function count(option: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new Error(`--${option} must be a whole number of at least 1, not "${value}"`);
  }
  return parsed;
}
const settings = {
  seconds: count('seconds', values.seconds),
  rounds: count('rounds', values.rounds),
  connections: count('connections', values.connections),
  posts: values.posts.split(',').map((posts) => count('posts', posts)),
  only: values.only.toLowerCase(),
  zipfExponent: 1,
};
/** Posts per page of the API's listing (its default `pageSize`). */
const LISTING_PAGE_SIZE = 10;
const THUMBNAIL_WIDTH = 640;
const selected = (name: string): boolean => name.toLowerCase().includes(settings.only);
const progress = (message: string): boolean => process.stderr.write(`${message}\n`);

async function publishedSlugs(apiUrl: string): Promise<string[]> {
  const slugs: string[] = [];
  for (let page = 1; ; page++) {
    const response = await fetch(`${apiUrl}/api/posts?page=${page}&pageSize=${MAX_PAGE_SIZE}`);
    const body = (await response.json()) as { items: { slug: string }[]; total: number };
    slugs.push(...body.items.map((item) => item.slug));
    if (body.items.length === 0 || slugs.length >= body.total) return slugs;
  }
}

type Traffic = Pick<Target, 'shape' | 'paths' | 'nextPath'>;
const hot = (path: string): Traffic => ({ shape: 'one URL', paths: [path], nextPath: () => path });
const zipf = (paths: string[], seed: number): Traffic => ({
  shape: `Zipf over ${paths.length}`,
  paths,
  nextPath: zipfPicker(paths, settings.zipfExponent, seed),
});

/**
 * The heartbeat, then for each round every target, each after a heartbeat round of its own.
 * First, unless `visitEachFirst` is false, every URL of each target once; then a one-second
 * run of each, to warm caches and the JIT.
 */
async function measure(
  posts: number,
  site: RunningSite,
  targets: readonly Target[],
  visitEachFirst = true,
): Promise<Row[]> {
  if (targets.length === 0) return [];
  const heartbeat: Target = {
    name: 'API `/__lbheartbeat__` (baseline)',
    origin: site.apiUrl,
    accept: ACCEPT.json,
    ...hot('/__lbheartbeat__'),
  };
  const options: RoundOptions = {
    seconds: settings.seconds,
    connections: settings.connections,
    pids: { site: site.sitePid, api: site.apiPid },
  };
  for (const target of [heartbeat, ...targets]) {
    if (visitEachFirst) await visitEach(target, settings.connections);
    await runRound(target, { ...options, seconds: 1 });
  }
  const heartbeatRounds = targets.map((): RoundResult[] => []);
  const targetRounds = targets.map((): RoundResult[] => []);
  for (let round = 0; round < settings.rounds; round++) {
    for (const [index, target] of targets.entries()) {
      progress(
        `  ${posts} posts, round ${round + 1}/${settings.rounds}: ${target.name}, ${target.shape}`,
      );
      heartbeatRounds[index]!.push(await runRound(heartbeat, options));
      targetRounds[index]!.push(await runRound(target, options));
    }
  }
  const allHeartbeats = heartbeatRounds.flat();
  return [
    summarize({ posts, ...heartbeat }, allHeartbeats, allHeartbeats),
    ...targets.map((target, index) =>
      summarize({ posts, ...target }, targetRounds[index]!, heartbeatRounds[index]!),
    ),
  ];
}

/** What the rows ask for, read from the running site. */
interface Blog {
  slugs: string[];
  thumbnailPath: string;
  thumbnailBytes: number;
  /** The site's static copy of the thumbnail. */
  staticPath: string;
}

/** Published slugs, newest first (the Zipf ranks), and the bench image's thumbnail and its static copy. */
async function readBlog(
  site: RunningSite,
  image: { hash: string; thumbnail: Buffer },
  staticFile: string,
): Promise<Blog> {
  return {
    slugs: await publishedSlugs(site.apiUrl),
    thumbnailPath: `/images/${image.hash}/${THUMBNAIL_WIDTH}.webp`,
    thumbnailBytes: image.thumbnail.byteLength,
    staticPath: `/${path.basename(staticFile)}`,
  };
}

/** Every post from the API, by Zipf's law. */
function apiPostsTarget(site: RunningSite, blog: Blog): Target {
  return {
    name: 'API post (cached read)',
    origin: site.apiUrl,
    accept: ACCEPT.json,
    ...zipf(
      blog.slugs.map((slug) => `/api/posts/${slug}`),
      1,
    ),
  };
}

/** The rows of the site with its default page cache, and of the API behind it. */
function cachedSiteTargets(site: RunningSite, blog: Blog): Target[] {
  const pages = Array.from(
    { length: Math.ceil(blog.slugs.length / LISTING_PAGE_SIZE) },
    (_, index) => `/api/posts?page=${index + 1}`,
  );
  const apiPosts = apiPostsTarget(site, blog);
  const sitePosts = blog.slugs.map((slug) => `/posts/${slug}`);
  const api = { origin: site.apiUrl, accept: ACCEPT.json };
  const page = { origin: site.siteUrl, accept: ACCEPT.page };
  const image = { origin: site.siteUrl, accept: ACCEPT.image };
  return [
    { ...apiPosts, ...hot(apiPosts.paths[0]!) },
    apiPosts,
    { name: 'API listing', ...api, ...hot(pages[0]!) },
    { name: 'API listing', ...api, ...zipf(pages, 2) },
    { name: 'site post page, page cache default', ...page, ...hot(sitePosts[0]!) },
    { name: 'site post page, page cache default', ...page, ...zipf(sitePosts, 3) },
    { name: 'site home, page cache default', ...page, ...hot('/') },
    { name: 'thumbnail from the API', ...image, origin: site.apiUrl, ...hot(blog.thumbnailPath) },
    { name: 'thumbnail through the site', ...image, ...hot(blog.thumbnailPath) },
    {
      name: `static file of the thumbnail's size (${blog.thumbnailBytes} B) from the site`,
      ...image,
      ...hot(blog.staticPath),
    },
  ];
}

const RENDERING_ROW = 'site post page, PAGE_CACHE_SECONDS=0';

/** The rows of the site rendering every page (PAGE_CACHE_SECONDS=0). */
function renderingSiteTargets(site: RunningSite, blog: Blog): Target[] {
  const sitePosts = blog.slugs.map((slug) => `/posts/${slug}`);
  const page = { origin: site.siteUrl, accept: ACCEPT.page };
  return [
    { name: RENDERING_ROW, ...page, ...hot(sitePosts[0]!) },
    { name: RENDERING_ROW, ...page, ...zipf(sitePosts, 3) },
  ];
}

async function withSite<T>(
  options: SiteOptions,
  work: (site: RunningSite) => Promise<T>,
): Promise<T> {
  const site = await startSite(options);
  try {
    return await work(site);
  } finally {
    await site.stop();
  }
}

const REDIS_URL = 'redis://127.0.0.1:6379';
const REDIS_ROW = 'site post page, page cache in Redis';

/**
 * The rows of the site with its pages in Redis (and the API's caches there too), with its
 * in-process front as configured.
 */
function redisSiteTargets(site: RunningSite, blog: Blog, front: string): Target[] {
  const sitePosts = blog.slugs.map((slug) => `/posts/${slug}`);
  const page = { name: `${REDIS_ROW}, ${front}`, origin: site.siteUrl, accept: ACCEPT.page };
  return [
    { ...page, ...hot(sitePosts[0]!) },
    { ...page, ...zipf(sitePosts, 3) },
  ];
}

/** The site with REDIS_URL, each front size a start of its own, on a namespace of its own. */
async function measureRedisSite(posts: number, dataDir: string, blog: Blog): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [front, pageCacheMaxEntries] of [
    ['front of 1000 pages', undefined],
    ['no front (PAGE_CACHE_MAX_ENTRIES=0)', 0],
  ] as const) {
    if (!selected(`${REDIS_ROW}, ${front}`)) continue;
    const redis = { url: REDIS_URL, namespace: `bench-load-${process.pid}-${rows.length}` };
    rows.push(
      ...(await withSite(
        { dataDir, redis, pageCacheMaxEntries, waitForSearchIndex: false },
        (site) => measure(posts, site, redisSiteTargets(site, blog, front)),
      )),
    );
  }
  return rows;
}

/** The rows of one blog size: the site with its default page cache, then with none. */
async function measureBlog(posts: number): Promise<Row[]> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'inkwell-bench-load-'));
  const staticFile = path.join(
    WORKSPACE_ROOT,
    'apps/web/build/client',
    `bench-load-${process.pid}.webp`,
  );
  try {
    const seedingStarted = performance.now();
    await seedBlog(dataDir, posts);
    const image = await storeBenchImage(dataDir, THUMBNAIL_WIDTH);
    // Among the site's static files (build/client) before it starts and lists them.
    await writeFile(staticFile, image.thumbnail);
    const seedingSeconds = (performance.now() - seedingStarted) / 1000;
    progress(`${posts} posts seeded in ${seedingSeconds.toFixed(1)} s`);

    const [blog, rows] = await withSite({ dataDir, waitForSearchIndex: true }, async (site) => {
      const blog = await readBlog(site, image, staticFile);
      const targets = cachedSiteTargets(site, blog).filter((target) => selected(target.name));
      return [blog, await measure(posts, site, targets)] as const;
    });
    // Every page is rendered anyway: reading each post once from the API warms what a render
    // reads (the API's caches) at a fraction of the cost of rendering each page once.
    const renderingRows = selected(RENDERING_ROW)
      ? await withSite(
          { dataDir, pageCacheSeconds: 0, waitForSearchIndex: false },
          async (site) => {
            await visitEach(apiPostsTarget(site, blog), settings.connections);
            return measure(posts, site, renderingSiteTargets(site, blog), false);
          },
        )
      : [];
    const redisRows = await measureRedisSite(posts, dataDir, blog);
    return [...rows, ...redisRows, ...renderingRows];
  } finally {
    await rm(staticFile, { force: true });
    await rm(dataDir, { recursive: true, force: true });
  }
}

const notes: string[] = [];
// Built before anything is seeded: the bench's static file goes into the build's folder.
if (buildIfStale(WORKSPACE_ROOT)) notes.push('The build was missing or stale: it was built first.');
const startedAt = performance.now();
const startDate = new Date().toISOString();
const load = loadavg().map((value) => value.toFixed(2));
const rows: Row[] = [];
for (const posts of settings.posts) rows.push(...(await measureBlog(posts)));
const loadAfter = loadavg().map((value) => value.toFixed(2));

console.log(
  [
    `npm run bench:load, started ${startDate}`,
    `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ` +
      `load average ${load.join(' ')} at start, ${loadAfter.join(' ')} at the end`,
    `${settings.rounds} rounds of ${settings.seconds} s per row, each after a heartbeat round; ` +
      `${settings.connections} connections; Zipf s = ${settings.zipfExponent}; ` +
      `posts ${settings.posts.join(', ')}${settings.only ? `; only rows matching "${settings.only}"` : ''}`,
    'Browser headers (Accept-Encoding: gzip, deflate, br; Accept; Chrome User-Agent). req/s, ' +
      'p50 and p99 are medians over the rounds; CPU is utime+stime of each process over all ' +
      'rounds divided by their requests; kB/response counts headers too; the heartbeat ratio is to the rounds run between.',
    ...notes,
    '',
    markdownTable(rows),
    '',
    `Finished in ${((performance.now() - startedAt) / 1000).toFixed(0)} s.`,
  ].join('\n'),
);
