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
  /** Engine calls the API made, from its own metrics: each measured request was a cache miss. */
  engineCalls: number;
  queries: number;
}

/** One kind of request the API is asked, query after query. */
export interface ApiPass {
  /** `search` (`GET /api/search?q=`) or `suggest` (`GET /api/search/suggest?q=`). */
  operation: 'search' | 'suggest';
  warmUp: readonly string[];
  queries: readonly string[];
}

const PASS_PATHS: Record<ApiPass['operation'], string> = {
  search: '/api/search',
  suggest: '/api/search/suggest',
};

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

async function engineCallCount(
  metricsUrl: string,
  operation: ApiPass['operation'],
): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  let count = 0;
  for (const line of text.split('\n')) {
    if (
      line.startsWith('inkwell_search_duration_seconds_count{') &&
      line.includes(`operation="${operation}"`)
    )
      count += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return count;
}

/**
 * Starts the API from source in its own process over the benchmark's database (`database`:
 * its DATABASE_URL or DATA_DIR), then runs each pass: its `warmUp` queries, then each of its
 * queries one after another. A measured query is one the API has not seen in that pass, so its
 * cache misses; the API's own metrics confirm the engine ran once per query.
 */
export async function askThroughApi(options: {
  database: EnvVars;
  passes: readonly ApiPass[];
  backendPids: BackendPids | null;
}): Promise<ApiRun[]> {
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
    const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
    const runs: ApiRun[] = [];
    for (const pass of options.passes) {
      const seen = new Set(pass.warmUp);
      const queries = pass.queries.filter((q) => !seen.has(q) && (seen.add(q), true));
      const ask = async (q: string): Promise<void> => {
        const url = `${api.url}${PASS_PATHS[pass.operation]}?q=${encodeURIComponent(q)}`;
        const response = await fetch(url);
        const body = await response.text();
        if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${body}`);
      };
      for (const q of pass.warmUp) await ask(q);
      const callsBefore = await engineCallCount(metricsUrl, pass.operation);
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
        await ask(q);
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
      const engineCalls = (await engineCallCount(metricsUrl, pass.operation)) - callsBefore;
      for (const list of Object.values(samples) as (number[] | null)[]) list?.sort((a, b) => a - b);
      runs.push({ samples, engineCalls, queries: queries.length });
    }
    return runs;
  } finally {
    await api.stop();
    await rm(scratchDir, { recursive: true, force: true });
  }
}
