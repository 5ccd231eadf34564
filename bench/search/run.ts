/**
 * Search benchmark: index N synthetic posts (~1,000 words each), time typo queries, then time
 * search-as-you-type suggestions (prefixes of 2 to 8 letters), wall clock and this process's CPU.
 *   npm run bench:search                      10,000 posts on PostgreSQL 15 at 127.0.0.1:5432
 *   npm run bench:search -- --posts=2000      a smaller corpus
 *   ELASTICSEARCH_URL=http://127.0.0.1:9200 npm run bench:search   also on Elasticsearch
 * PostgreSQL runs in a scratch database created and dropped by this script.
 */
import { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import {
  createElasticsearchSearchEngine,
  createPostgresSearchEngine,
  type IndexableDocument,
  type SearchEngine,
} from '@inkwell/search';
import { deleteIndicesByPrefix } from '@inkwell/search/testing';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import {
  prefixQueries,
  syntheticPosts,
  typoQueries,
} from '../../libs/search/test/fixtures/synthetic-blog.js';

const args = new Map(
  process.argv.slice(2).map((arg) => arg.replace(/^--/u, '').split('=') as [string, string]),
);
const POSTS = Number(args.get('posts') ?? 10_000);
const WORDS_PER_POST = Number(args.get('words') ?? 1_000);
const QUERIES = Number(args.get('queries') ?? 200);
const SEED = 20261126;
const PG = { host: '127.0.0.1', port: 5432, user: 'postgres' };

async function* documents(): AsyncIterable<IndexableDocument> {
  for (const post of syntheticPosts(POSTS, WORDS_PER_POST, SEED)) yield { kind: 'post', ...post };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Row {
  engine: string;
  indexSeconds: number;
  p50: number;
  p95: number;
  p99: number;
  corrected: number;
  empty: number;
  suggest: { wallP50: number; wallP95: number; cpuP50: number; cpuP95: number; posts: number };
}

/** Milliseconds of CPU this process spent (user + system) since `since`. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

async function measureSuggest(engine: SearchEngine): Promise<Row['suggest']> {
  const queries = prefixQueries(QUERIES, SEED + 2);
  for (const q of queries.slice(0, 10)) await engine.suggest({ q }); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  let posts = 0;
  for (const q of queries) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const results = await engine.suggest({ q });
    cpu.push(cpuMs(cpuStarted));
    wall.push(performance.now() - started);
    if (results.posts.length > 0) posts++;
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    wallP50: percentile(wall, 50),
    wallP95: percentile(wall, 95),
    cpuP50: percentile(cpu, 50),
    cpuP95: percentile(cpu, 95),
    posts,
  };
}

async function measure(name: string, engine: SearchEngine): Promise<Row> {
  await engine.setup();
  const indexStarted = performance.now();
  let lastReport = 0;
  await engine.reindex(documents(), ({ posts }) => {
    if (posts - lastReport >= 1000) {
      lastReport = posts;
      process.stderr.write(`  ${name}: ${posts} posts indexed\n`);
    }
  });
  const indexSeconds = (performance.now() - indexStarted) / 1000;

  const queries = typoQueries(QUERIES, SEED + 1);
  for (const query of queries.slice(0, 10)) await engine.search({ q: query.typed }); // warm-up
  const latencies: number[] = [];
  let corrected = 0;
  let empty = 0;
  for (const query of queries) {
    const started = performance.now();
    const results = await engine.search({ q: query.typed });
    latencies.push(performance.now() - started);
    if (results.terms.used.some((term) => term.toLowerCase().includes(query.intended))) corrected++;
    if (results.total === 0) empty++;
  }
  latencies.sort((a, b) => a - b);
  return {
    engine: name,
    indexSeconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    corrected,
    empty,
    suggest: await measureSuggest(engine),
  };
}

async function withScratchPostgres<T>(run: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const database = `search_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ ...PG, database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const pool = new pg.Pool({ ...PG, database, max: 2 });
  // Idle connections are terminated when the scratch database is dropped.
  pool.on('error', () => undefined);
  try {
    return await run(pool);
  } finally {
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}

const rows: Row[] = [];
rows.push(
  await withScratchPostgres((pool) => measure('PostgreSQL 15', createPostgresSearchEngine(pool))),
);
const elasticsearchUrl = process.env.ELASTICSEARCH_URL;
if (elasticsearchUrl) {
  const client = new ElasticsearchClient({ node: elasticsearchUrl });
  const prefix = `inkwell-bench-${process.pid}`;
  try {
    rows.push(
      await measure(
        'Elasticsearch',
        createElasticsearchSearchEngine({ client, indexPrefix: prefix }),
      ),
    );
  } finally {
    await deleteIndicesByPrefix(client, `${prefix}-`);
    await client.close();
  }
}

const ms = (value: number): string => value.toFixed(1);
console.log(
  `\n${POSTS} posts x ~${WORDS_PER_POST} words, ${QUERIES} typo queries (one typo, half of them two words), sequential\n`,
);
console.log('| Engine | Index time | p50 | p95 | p99 | Intended word used | Empty results |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  console.log(
    `| ${row.engine} | ${row.indexSeconds.toFixed(1)} s | ${ms(row.p50)} ms | ${ms(row.p95)} ms | ${ms(row.p99)} ms | ${row.corrected}/${QUERIES} | ${row.empty}/${QUERIES} |`,
  );
}

console.log(
  `\n${QUERIES} suggestions as typed (prefixes of 2 to 8 letters, a third after a whole word), sequential; CPU is this process's (the API's share; PostgreSQL's server is another process)\n`,
);
console.log('| Engine | wall p50 | wall p95 | CPU p50 | CPU p95 | With posts |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const { engine, suggest } of rows) {
  console.log(
    `| ${engine} | ${ms(suggest.wallP50)} ms | ${ms(suggest.wallP95)} ms | ${ms(suggest.cpuP50)} ms | ${ms(suggest.cpuP95)} ms | ${suggest.posts}/${QUERIES} |`,
  );
}
