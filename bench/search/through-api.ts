import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type PrismaClient } from '@inkwell/prisma';
import { freePort, startApiProcess, type EnvVars } from '@inkwell/test-stack';
import { type SyntheticPost } from '../../libs/search/test/fixtures/synthetic-blog.js';
import { processTime, type ProcessTime } from './cpu-time.js';

/** The posts of the benchmark's index, as rows of the blog's own tables (the API reads them). */
export async function writeBlogPosts(
  prisma: PrismaClient,
  posts: Iterable<SyntheticPost>,
): Promise<void> {
  const categories = new Map<string, number>();
  let batch: SyntheticPost[] = [];
  const flush = async () => {
    for (const post of batch) {
      for (const { slug, name } of post.categories) {
        if (categories.has(slug)) continue;
        const category = await prisma.category.create({ data: { slug, name } });
        categories.set(slug, category.id);
      }
    }
    await prisma.post.createMany({
      data: batch.map((post) => ({
        id: post.id,
        slug: post.slug,
        title: post.title,
        summary: post.summary,
        body: post.body,
        status: 'PUBLISHED' as const,
        publishedAt: new Date(post.publishedAt),
      })),
    });
    await prisma.postCategory.createMany({
      data: batch.flatMap((post) =>
        post.categories.map(({ slug }) => ({ postId: post.id, categoryId: categories.get(slug)! })),
      ),
    });
    batch = [];
  };
  for (const post of posts) {
    batch.push(post);
    if (batch.length === 500) await flush();
  }
  if (batch.length > 0) await flush();
}

/** Per-query figures in milliseconds, sorted. */
export interface ApiSamples {
  wall: number[];
  /** CPU of the API process, every thread (the embedded database's included). */
  apiCpu: number[];
  /** CPU of the PostgreSQL backends serving the API's database; null for the embedded engine. */
  serverCpu: number[] | null;
  /** The API's and the backends' CPU together: what one search costs the machine. */
  cpu: number[];
  /** Time the API process and those backends were runnable but waited for a core. */
  waited: number[];
}

export interface ApiRun {
  samples: ApiSamples;
  /** Searches the engine ran, from the API's own metrics: each measured query was a cache miss. */
  engineSearches: number;
  queries: number;
}

/**
 * The CPU of the backends serving one database, read from their scheduler counters
 * (nanoseconds). The pids are listed through `listPids`, a connection to another database, so
 * the listing's own backend is not counted.
 */
export type BackendPids = () => Promise<number[]>;

async function timesOf(pids: readonly number[]): Promise<Map<number, ProcessTime>> {
  const entries = await Promise.all(
    pids.map(async (pid) => [pid, await processTime(pid, false)] as const),
  );
  return new Map(entries.filter((entry): entry is [number, ProcessTime] => entry[1] !== null));
}

/** What the backends spent between two readings; a backend that started between counts whole. */
function backendDelta(
  before: Map<number, ProcessTime>,
  after: Map<number, ProcessTime>,
): ProcessTime {
  let cpuMs = 0;
  let waitMs = 0;
  for (const [pid, end] of after) {
    const start = before.get(pid);
    cpuMs += end.cpuMs - (start?.cpuMs ?? 0);
    waitMs += end.waitMs - (start?.waitMs ?? 0);
  }
  return { cpuMs, waitMs };
}

async function engineSearchCount(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  let count = 0;
  for (const line of text.split('\n')) {
    if (
      line.startsWith('inkwell_search_duration_seconds_count{') &&
      line.includes('operation="search"')
    )
      count += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return count;
}

/**
 * Starts the API from source in its own process over the benchmark's database (`database`:
 * its DATABASE_URL or DATA_DIR), then asks `GET /api/search?q=` for each query one after
 * another, after `warmUp` other queries. Every measured query is one the API has not seen, so
 * its cache misses; the API's own metrics confirm the engine ran once per query.
 */
export async function searchThroughApi(options: {
  database: EnvVars;
  warmUp: readonly string[];
  queries: readonly string[];
  backendPids: BackendPids | null;
}): Promise<ApiRun> {
  const seen = new Set(options.warmUp);
  const queries = options.queries.filter((q) => !seen.has(q) && (seen.add(q), true));
  const metricsPort = await freePort();
  const scratchDir = await mkdtemp(path.join(tmpdir(), 'inkwell-search-bench-api-'));
  const api = await startApiProcess({
    DATA_DIR: scratchDir,
    MIGRATE_ON_START: 'false',
    SEED_DEMO_CONTENT: 'false',
    METRICS_PORT: String(metricsPort),
    METRICS_HOST: '127.0.0.1',
    // The outbox's poll is background work: an hour apart, it stays out of the measured window.
    OUTBOX_POLL_INTERVAL_MS: '3600000',
    REDIS_URL: undefined,
    ELASTICSEARCH_URL: undefined,
    ...options.database,
  }).catch(async (error: unknown) => {
    await rm(scratchDir, { recursive: true, force: true });
    throw error;
  });
  try {
    const pid = api.child.pid!;
    const search = async (q: string): Promise<void> => {
      const response = await fetch(`${api.url}/api/search?q=${encodeURIComponent(q)}`);
      const body = await response.text();
      if (!response.ok)
        throw new Error(`GET /api/search?q=${q} answered ${response.status}: ${body}`);
    };
    for (const q of options.warmUp) await search(q);
    const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
    const searchesBefore = await engineSearchCount(metricsUrl);
    const samples: ApiSamples = {
      wall: [],
      apiCpu: [],
      serverCpu: options.backendPids ? [] : null,
      cpu: [],
      waited: [],
    };
    for (const q of queries) {
      const backendsBefore = options.backendPids
        ? await timesOf(await options.backendPids())
        : null;
      const apiBefore = (await processTime(pid, true))!;
      const started = performance.now();
      await search(q);
      const wallMs = performance.now() - started;
      const apiAfter = (await processTime(pid, true))!;
      const server = backendsBefore
        ? backendDelta(
            backendsBefore,
            await timesOf([
              ...new Set([...backendsBefore.keys(), ...(await options.backendPids!())]),
            ]),
          )
        : null;
      samples.wall.push(wallMs);
      const apiCpu = apiAfter.cpuMs - apiBefore.cpuMs;
      samples.apiCpu.push(apiCpu);
      samples.serverCpu?.push(server!.cpuMs);
      samples.cpu.push(apiCpu + (server?.cpuMs ?? 0));
      samples.waited.push(apiAfter.waitMs - apiBefore.waitMs + (server?.waitMs ?? 0));
    }
    const engineSearches = (await engineSearchCount(metricsUrl)) - searchesBefore;
    for (const list of Object.values(samples) as (number[] | null)[]) list?.sort((a, b) => a - b);
    return { samples, engineSearches, queries: queries.length };
  } finally {
    await api.stop();
    await rm(scratchDir, { recursive: true, force: true });
  }
}
