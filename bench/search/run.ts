/**
 * Search benchmark: index N synthetic posts (~1,000 words each), time typo queries, then time
 * search-as-you-type suggestions (prefixes of 2 to 8 letters): wall clock, this process's CPU
 * and, on PostgreSQL, the server's CPU for the scratch database.
 *   npm run bench:search                      10,000 posts on PostgreSQL 15 and the embedded engine
 *   npm run bench:search -- --posts=2000      a smaller corpus
 *   npm run bench:search -- --engines=postgres   one engine (postgres, embedded)
 *   ELASTICSEARCH_URL=http://127.0.0.1:9200 npm run bench:search   also on Elasticsearch
 * PostgreSQL runs in a scratch database created and dropped by this script; the embedded engine
 * is PGlite in a scratch data directory, reached as the API reaches it: through its owner's
 * socket (`openDatabase`), the owner's PGlite thread running in this process.
 */
import { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import { openDatabase } from '@inkwell/prisma';
import {
  createElasticsearchSearchEngine,
  createPostgresSearchEngine,
  type IndexableDocument,
  type SearchEngine,
} from '@inkwell/search';
import { deleteIndicesByPrefix } from '@inkwell/search/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  prefixQueries,
  syntheticPosts,
  typoQueries,
} from '../../libs/search/test/fixtures/synthetic-blog.js';
import { serverCpuMs, timed } from './cpu-time.js';

const args = new Map(
  process.argv.slice(2).map((arg) => arg.replace(/^--/u, '').split('=') as [string, string]),
);
const POSTS = Number(args.get('posts') ?? 10_000);
const WORDS_PER_POST = Number(args.get('words') ?? 1_000);
const QUERIES = Number(args.get('queries') ?? 200);
const ENGINES = (args.get('engines') ?? 'postgres,embedded').split(',');
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
  index: { wallS: number; cpuS: number; serverCpuS: number | null };
  search: Latencies & { corrected: number; empty: number };
  suggest: Latencies & { posts: number };
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

async function measure(name: string, engine: SearchEngine, serverCpu: ServerCpu): Promise<Row> {
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
  const index = {
    wallS: indexed.wallMs / 1000,
    cpuS: indexed.cpuMs / 1000,
    serverCpuS:
      serverBefore === null || serverAfter === null ? null : (serverAfter - serverBefore) / 1000,
  };

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
  console.error(`${name}: done (load average ${loadAverage()})`);
  return {
    engine: name,
    index,
    search: { ...search, corrected, empty },
    suggest: { ...suggest, posts },
  };
}

async function onScratchPostgres(): Promise<Row> {
  const database = `search_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ ...PG, database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  // Connections stay open: the server's CPU is read from their backends.
  const pool = new pg.Pool({ ...PG, database, max: 2, idleTimeoutMillis: 0 });
  // Idle connections are terminated when the scratch database is dropped.
  pool.on('error', () => undefined);
  try {
    return await measure('PostgreSQL 15', createPostgresSearchEngine(pool), () =>
      serverCpuMs(pool),
    );
  } finally {
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}

async function onEmbeddedDatabase(): Promise<Row> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'inkwell-search-bench-'));
  try {
    const db = await openDatabase({ dataDir });
    try {
      return await measure('Embedded (PGlite 18)', createPostgresSearchEngine(db.sql), null);
    } finally {
      await db.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function onElasticsearch(url: string): Promise<Row> {
  const client = new ElasticsearchClient({ node: url });
  const prefix = `inkwell-bench-${process.pid}`;
  try {
    return await measure(
      'Elasticsearch',
      createElasticsearchSearchEngine({ client, indexPrefix: prefix }),
      null,
    );
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
