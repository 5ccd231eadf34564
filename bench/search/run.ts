/**
 * Search benchmark: index N synthetic posts (~1,000 words each), time typo queries, then time
 * search-as-you-type suggestions (prefixes of 2 to 8 letters): wall clock, this process's CPU
 * and, on PostgreSQL, the server's CPU for the scratch database.
 *   npm run bench:search                      10,000 posts on PostgreSQL 15 and the embedded engine
 *   npm run bench:search -- --posts=2000      a smaller corpus
 *   npm run bench:search -- --engines=postgres   one engine (postgres, embedded)
 *   npm run bench:search -- --keep           keep the scratch databases, and reuse them if
 *                                            they hold this corpus (the index build is skipped)
 *   ELASTICSEARCH_URL=http://127.0.0.1:9200 npm run bench:search   also on Elasticsearch
 * PostgreSQL runs in a scratch database created and dropped by this script; the embedded engine
 * is PGlite in a scratch data directory, reached as the API reaches it: through its owner's
 * socket (`openDatabase`), the owner's PGlite thread running in this process.
 *
 * Then, on PostgreSQL and the embedded engine, the same queries and prefixes through the API: the
 * blog's own tables hold the same posts, the API runs from source in a process of its own over
 * that database and its index, and each query is a `GET /api/search?q=` (each prefix a
 * `GET /api/search/suggest?q=`) it has not seen (a cache miss; its metrics confirm the engine
 * ran once per request). Per query: wall clock, the API
 * process's CPU and, on PostgreSQL, the CPU of the backends serving its database, both from the
 * scheduler's nanosecond counters (`/proc/<pid>/task/<tid>/schedstat`), and the time they waited
 * for a core.
 */
import { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import { applyMigrations, openDatabase, readMigrations, type Database } from '@inkwell/prisma';
import {
  createElasticsearchSearchEngine,
  createPostgresSearchEngine,
  type IndexableDocument,
  type SearchEngine,
} from '@inkwell/search';
import { deleteIndicesByPrefix } from '@inkwell/search/testing';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  prefixQueries,
  syntheticPosts,
  typoQueries,
} from '../../libs/search/test/fixtures/synthetic-blog.js';
import { serverCpuMs, timed } from './cpu-time.js';
import { askThroughApi, writeBlogPosts, type ApiRun, type BackendPids } from './through-api.js';

const args = new Map(
  process.argv.slice(2).map((arg) => arg.replace(/^--/u, '').split('=') as [string, string]),
);
const POSTS = Number(args.get('posts') ?? 10_000);
const WORDS_PER_POST = Number(args.get('words') ?? 1_000);
const QUERIES = Number(args.get('queries') ?? 200);
const ENGINES = (args.get('engines') ?? 'postgres,embedded').split(',');
const KEEP = args.has('keep');
const SEED = 20261126;
const PG = { host: '127.0.0.1', port: 5432, user: 'postgres' };

async function* documents(): AsyncIterable<IndexableDocument> {
  for (const post of syntheticPosts(POSTS, WORDS_PER_POST, SEED)) yield { kind: 'post', ...post };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The server's CPU in milliseconds so far, when the database is another process. */
type ServerCpu = (() => Promise<number>) | null;

interface Latencies {
  wallP50: number;
  wallP95: number;
  wallP99: number;
  cpuP50: number;
  cpuP95: number;
  /** Server CPU per statement sequence, on average (its clock has 10 ms steps). */
  serverCpuMean: number | null;
}

interface Row {
  engine: string;
  /** Null when a kept index was reused (`--keep`). */
  index: { wallS: number; cpuS: number; serverCpuS: number | null } | null;
  search: Latencies & { corrected: number; empty: number };
  suggest: Latencies & { posts: number };
  /** The typo queries and the prefixes through the API; null where it was not run. */
  api: { search: ApiRun; suggest: ApiRun } | null;
}

const loadAverage = (): string =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');

/** Runs `work` on each query one after another, timing each. */
async function measureEach<T>(
  queries: readonly T[],
  serverCpu: ServerCpu,
  work: (query: T) => Promise<void>,
): Promise<Latencies> {
  const wall: number[] = [];
  const cpu: number[] = [];
  const serverStarted = (await serverCpu?.()) ?? null;
  for (const query of queries) {
    const { wallMs, cpuMs } = await timed(() => work(query));
    wall.push(wallMs);
    cpu.push(cpuMs);
  }
  const serverEnded = (await serverCpu?.()) ?? null;
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    wallP50: percentile(wall, 50),
    wallP95: percentile(wall, 95),
    wallP99: percentile(wall, 99),
    cpuP50: percentile(cpu, 50),
    cpuP95: percentile(cpu, 95),
    serverCpuMean:
      serverStarted === null || serverEnded === null
        ? null
        : (serverEnded - serverStarted) / queries.length,
  };
}

/** Builds the index, unless `kept` (a kept index of this corpus); null when it was kept. */
async function buildIndex(
  name: string,
  engine: SearchEngine,
  serverCpu: ServerCpu,
  kept: boolean,
): Promise<Row['index']> {
  if (kept) {
    console.error(`${name}: reusing the kept index of ${POSTS} posts`);
    return null;
  }
  console.error(`${name}: indexing ${POSTS} posts (load average ${loadAverage()})`);
  await engine.setup();
  let lastReport = 0;
  const serverBefore = (await serverCpu?.()) ?? null;
  const indexed = await timed(() =>
    engine.reindex(documents(), ({ posts }) => {
      if (posts - lastReport >= 1000) {
        lastReport = posts;
        process.stderr.write(`  ${name}: ${posts} posts indexed\n`);
      }
    }),
  );
  const serverAfter = (await serverCpu?.()) ?? null;
  return {
    wallS: indexed.wallMs / 1000,
    cpuS: indexed.cpuMs / 1000,
    serverCpuS:
      serverBefore === null || serverAfter === null ? null : (serverAfter - serverBefore) / 1000,
  };
}

async function measure(
  name: string,
  engine: SearchEngine,
  serverCpu: ServerCpu,
  kept: boolean,
): Promise<Omit<Row, 'api'>> {
  const index = await buildIndex(name, engine, serverCpu, kept);
  if (kept) await engine.setup();
  console.error(`${name}: searching (load average ${loadAverage()})`);
  const queries = typoQueries(QUERIES, SEED + 1);
  for (const query of queries.slice(0, 10)) await engine.search({ q: query.typed }); // warm-up
  let corrected = 0;
  let empty = 0;
  const search = await measureEach(queries, serverCpu, async (query) => {
    const results = await engine.search({ q: query.typed });
    if (results.terms.used.some((term) => term.toLowerCase().includes(query.intended))) corrected++;
    if (results.total.value === 0) empty++;
  });

  console.error(`${name}: suggesting (load average ${loadAverage()})`);
  const prefixes = prefixQueries(QUERIES, SEED + 2);
  for (const q of prefixes.slice(0, 10)) await engine.suggest({ q }); // warm-up
  let posts = 0;
  const suggest = await measureEach(prefixes, serverCpu, async (q) => {
    if ((await engine.suggest({ q })).posts.length > 0) posts++;
  });
  return {
    engine: name,
    index,
    search: { ...search, corrected, empty },
    suggest: { ...suggest, posts },
  };
}

/** The blog's tables, migrated and holding the corpus's posts, for the API to read. */
async function writeBlog(db: Database): Promise<void> {
  console.error(`writing ${POSTS} posts into the blog's tables (load average ${loadAverage()})`);
  await db.withScriptRunner(async (runner) => applyMigrations(runner, await readMigrations()));
  await writeBlogPosts(db.prisma, syntheticPosts(POSTS, WORDS_PER_POST, SEED));
}

/** Whether a kept database holds this corpus whole: its posts, and an index of them. */
async function holdsCorpus(db: Database, engine: SearchEngine): Promise<boolean> {
  try {
    const [posts, health] = await Promise.all([db.prisma.post.count(), engine.health()]);
    return posts === POSTS && health.posts === POSTS;
  } catch {
    return false;
  }
}

/** The benchmark's queries and prefixes through the API, over the database the engine's figures came from. */
async function throughApi(
  name: string,
  database: Record<string, string>,
  backendPids: BackendPids | null,
): Promise<NonNullable<Row['api']>> {
  console.error(
    `${name}: searching and suggesting through the API (load average ${loadAverage()})`,
  );
  const [search, suggest] = await askThroughApi({
    database,
    passes: [
      {
        operation: 'search',
        warmUp: typoQueries(10, SEED + 3).map((query) => query.typed),
        queries: typoQueries(QUERIES, SEED + 1).map((query) => query.typed),
      },
      {
        operation: 'suggest',
        warmUp: prefixQueries(10, SEED + 4),
        queries: prefixQueries(QUERIES, SEED + 2),
      },
    ],
    backendPids,
  });
  console.error(`${name}: done (load average ${loadAverage()})`);
  return { search: search!, suggest: suggest! };
}

async function onScratchPostgres(): Promise<Row> {
  const database = KEEP
    ? `search_bench_${POSTS}x${WORDS_PER_POST}`
    : `search_bench_${process.pid}_${Date.now()}`;
  const url = `postgresql://${PG.user}@${PG.host}:${PG.port}/${database}`;
  const admin = new pg.Client({ ...PG, database: 'postgres' });
  await admin.connect();
  let kept = false;
  if (KEEP) {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (rowCount) {
      const db = await openDatabase({ databaseUrl: url, dataDir: 'memory://' });
      const pool = new pg.Pool({ ...PG, database, max: 1 });
      kept = await holdsCorpus(db, createPostgresSearchEngine(pool)).finally(() =>
        Promise.all([db.close(), pool.end()]),
      );
      if (!kept) await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
    }
  }
  if (!kept) {
    await admin.query(`CREATE DATABASE ${database}`);
    const db = await openDatabase({ databaseUrl: url, dataDir: 'memory://' });
    await writeBlog(db).finally(() => db.close());
  }
  // Connections stay open: the server's CPU is read from their backends.
  const pool = new pg.Pool({ ...PG, database, max: 2, idleTimeoutMillis: 0 });
  // Idle connections are terminated when the scratch database is dropped.
  pool.on('error', () => undefined);
  try {
    const name = 'PostgreSQL 15';
    const row = await measure(
      name,
      createPostgresSearchEngine(pool),
      () => serverCpuMs(pool),
      kept,
    );
    await pool.end();
    const backendPids = async () =>
      (
        await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [
          database,
        ])
      ).rows.map((row) => row.pid);
    return { ...row, api: await throughApi(name, { DATABASE_URL: url }, backendPids) };
  } finally {
    await pool.end().catch(() => undefined);
    if (!KEEP) await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}

async function onEmbeddedDatabase(): Promise<Row> {
  const dataDir = KEEP
    ? path.join(tmpdir(), `inkwell-search-bench-${POSTS}x${WORDS_PER_POST}`)
    : await mkdtemp(path.join(tmpdir(), 'inkwell-search-bench-'));
  try {
    const name = 'Embedded (PGlite 18)';
    let row: Omit<Row, 'api'>;
    {
      await mkdir(dataDir, { recursive: true });
      let db = await openDatabase({ dataDir });
      const kept = KEEP && (await holdsCorpus(db, createPostgresSearchEngine(db.sql)));
      if (KEEP && !kept) {
        await db.close();
        await rm(dataDir, { recursive: true, force: true });
        await mkdir(dataDir, { recursive: true });
        db = await openDatabase({ dataDir });
      }
      try {
        if (!kept) await writeBlog(db);
        row = await measure(name, createPostgresSearchEngine(db.sql), null, kept);
      } finally {
        // One owner at a time: the API opens the data directory next.
        await db.close();
      }
    }
    return { ...row, api: await throughApi(name, { DATA_DIR: dataDir, DATABASE_URL: '' }, null) };
  } finally {
    if (!KEEP) await rm(dataDir, { recursive: true, force: true });
  }
}

async function onElasticsearch(url: string): Promise<Row> {
  const client = new ElasticsearchClient({ node: url });
  const prefix = `inkwell-bench-${process.pid}`;
  try {
    const row = await measure(
      'Elasticsearch',
      createElasticsearchSearchEngine({ client, indexPrefix: prefix }),
      null,
      false,
    );
    return { ...row, api: null };
  } finally {
    await deleteIndicesByPrefix(client, `${prefix}-`);
    await client.close();
  }
}

const startLoad = loadAverage();
const rows: Row[] = [];
if (ENGINES.includes('postgres')) rows.push(await onScratchPostgres());
if (ENGINES.includes('embedded')) rows.push(await onEmbeddedDatabase());
const elasticsearchUrl = process.env.ELASTICSEARCH_URL;
if (elasticsearchUrl) rows.push(await onElasticsearch(elasticsearchUrl));

const ms = (value: number): string => value.toFixed(1);
const serverMs = (value: number | null): string =>
  value === null ? 'in process' : `${ms(value)} ms`;
console.log(
  `\n${POSTS} posts x ~${WORDS_PER_POST} words; load average (1, 5, 15 min) ${startLoad} at the start, ${loadAverage()} at the end\n`,
);
console.log('| Engine | Index wall | Index CPU, this process | Index CPU, server |');
console.log('| --- | ---: | ---: | ---: |');
for (const { engine, index } of rows) {
  if (index === null) {
    console.log(`| ${engine} | kept (--keep) | | |`);
    continue;
  }
  const server = index.serverCpuS === null ? 'in process' : `${index.serverCpuS.toFixed(1)} s`;
  console.log(
    `| ${engine} | ${index.wallS.toFixed(1)} s | ${index.cpuS.toFixed(1)} s | ${server} |`,
  );
}

console.log(
  `\n${QUERIES} typo queries (one typo, half of them two words), sequential, after 10 warm-up queries\n`,
);
console.log(
  '| Engine | wall p50 | wall p95 | wall p99 | CPU p50 | CPU p95 | server CPU, mean | Intended word used | Empty results |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const { engine, search } of rows) {
  console.log(
    `| ${engine} | ${ms(search.wallP50)} ms | ${ms(search.wallP95)} ms | ${ms(search.wallP99)} ms | ${ms(search.cpuP50)} ms | ${ms(search.cpuP95)} ms | ${serverMs(search.serverCpuMean)} | ${search.corrected}/${QUERIES} | ${search.empty}/${QUERIES} |`,
  );
}

console.log(
  `\n${QUERIES} suggestions as typed (prefixes of 2 to 8 letters, a third after a whole word), sequential; CPU is this process's (the API's share, and the embedded database's, whose thread runs in it)\n`,
);
console.log('| Engine | wall p50 | wall p95 | CPU p50 | CPU p95 | server CPU, mean | With posts |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const { engine, suggest } of rows) {
  console.log(
    `| ${engine} | ${ms(suggest.wallP50)} ms | ${ms(suggest.wallP95)} ms | ${ms(suggest.cpuP50)} ms | ${ms(suggest.cpuP95)} ms | ${serverMs(suggest.serverCpuMean)} | ${suggest.posts}/${QUERIES} |`,
  );
}

const apiRows = rows.filter(
  (row): row is Row & { api: NonNullable<Row['api']> } => row.api !== null,
);
const apiTables = [
  {
    pass: 'search',
    title: `The same typo queries through the API (\`GET /api/search?q=\`, the API in a process of its own, each query new to it: a cache miss), sequential, after 10 other warm-up queries`,
  },
  {
    pass: 'suggest',
    title: `The same prefixes through the API (\`GET /api/search/suggest?q=\`, same process, each prefix new to it: a cache miss), sequential, after 10 other warm-up prefixes`,
  },
] as const;
for (const { pass, title } of apiRows.length > 0 ? apiTables : []) {
  console.log(
    `\n${title}. Per request: wall clock at the client; CPU of the API process (every thread, the embedded database's included) and of the PostgreSQL backends serving it, from the scheduler's nanosecond counters; time both waited for a core\n`,
  );
  console.log('| Engine | Per request | p50 | p95 | p99 | mean |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const { engine, api } of apiRows) {
    const { samples } = api[pass];
    const line = (label: string, values: number[]) => {
      const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
      console.log(
        `| ${engine} | ${label} | ${ms(percentile(values, 50))} ms | ${ms(percentile(values, 95))} ms | ${ms(percentile(values, 99))} ms | ${ms(mean)} ms |`,
      );
    };
    line('wall', samples.wall);
    if (samples.serverCpu) {
      line('CPU, API and server', samples.cpu);
      line('CPU, API process', samples.apiCpu);
      line('CPU, server', samples.serverCpu);
    } else {
      line('CPU, API process', samples.cpu);
    }
    line('waiting for a core', samples.waited);
  }
  for (const { engine, api } of apiRows) {
    console.log(
      `\n${engine}: ${api[pass].queries} requests measured, ${api[pass].engineCalls} engine calls (${pass}) counted by the API's metrics`,
    );
  }
}
