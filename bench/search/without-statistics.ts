/**
 * Search on the embedded database before anything analyzed it: index N synthetic posts into
 * PGlite, throw the planner statistics away (PGlite has no autovacuum, so a blog that grew post
 * by post has none), then time two-word queries with a typo, one after another.
 *   npm run bench:search:no-statistics                      1,000 posts, 50 queries
 *   npm run bench:search:no-statistics -- --posts=100 --queries=5
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPostgresSearchEngine, type IndexableDocument } from '@inkwell/search';
import { performance } from 'node:perf_hooks';
import {
  forgetPlannerStatistics,
  plannerStatisticsCount,
} from '../../libs/search/test/fixtures/planner-statistics.js';
import { syntheticPosts, typoQueries } from '../../libs/search/test/fixtures/synthetic-blog.js';

const args = new Map(
  process.argv.slice(2).map((arg) => arg.replace(/^--/u, '').split('=') as [string, string]),
);
const POSTS = Number(args.get('posts') ?? 1_000);
const WORDS_PER_POST = Number(args.get('words') ?? 1_000);
const QUERIES = Number(args.get('queries') ?? 50);
const SEED = 20261202;

async function* documents(): AsyncIterable<IndexableDocument> {
  for (const post of syntheticPosts(POSTS, WORDS_PER_POST, SEED)) yield { kind: 'post', ...post };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const db = await PGlite.create({ extensions: { pg_trgm } });
try {
  const engine = createPostgresSearchEngine(db);
  await engine.setup();
  const indexStarted = performance.now();
  await engine.reindex(documents());
  const indexSeconds = (performance.now() - indexStarted) / 1000;
  await forgetPlannerStatistics(db);
  if ((await plannerStatisticsCount(db)) !== 0) throw new Error('statistics still present');

  // Every other generated query has two words, the typo in the first.
  const queries = typoQueries(QUERIES * 2, SEED + 1)
    .filter((query) => query.typed.includes(' '))
    .slice(0, QUERIES);
  const latencies: number[] = [];
  let corrected = 0;
  for (const query of queries) {
    const started = performance.now();
    const results = await engine.search({ q: query.typed });
    latencies.push(performance.now() - started);
    if (results.terms.used.some((term) => term.toLowerCase().includes(query.intended))) corrected++;
  }
  latencies.sort((a, b) => a - b);
  const ms = (value: number): string => `${value.toFixed(1)} ms`;
  console.log(
    `\nPGlite, ${POSTS} posts x ~${WORDS_PER_POST} words (indexed in ${indexSeconds.toFixed(1)} s), no planner statistics, ${queries.length} two-word queries with a typo, sequential\n`,
  );
  console.log('| p50 | p95 | max | Intended word used |');
  console.log('| ---: | ---: | ---: | ---: |');
  console.log(
    `| ${ms(percentile(latencies, 50))} | ${ms(percentile(latencies, 95))} | ${ms(latencies.at(-1)!)} | ${corrected}/${queries.length} |`,
  );
} finally {
  await db.close();
}
