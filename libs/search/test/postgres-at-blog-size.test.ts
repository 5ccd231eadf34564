import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresSearchEngine,
  type IndexableDocument,
  type SearchEngine,
  type SearchInput,
  type SearchResults,
  type SqlClient,
} from '../src/index.js';
import { openPglite, openPostgres, type TestDatabase } from './fixtures/databases.js';
import { forgetPlannerStatistics, plannerStatisticsCount } from './fixtures/planner-statistics.js';
import { syntheticPosts, typoQueries } from './fixtures/synthetic-blog.js';

const POSTS = 1_000;
const WORDS_PER_POST = 300;
const SEED = 20261202;
/** What a reader may wait for any search, however the planner chose to run it. */
const MAX_SEARCH_MS = 1_000;

const posts = [...syntheticPosts(POSTS, WORDS_PER_POST, SEED)];

/** A blog's posts and, under every fourth post, an approved comment. */
async function* blog(): AsyncIterable<IndexableDocument> {
  for (const post of posts) yield { kind: 'post', ...post };
  let id = 0;
  for (const reply of syntheticPosts(POSTS / 4, 30, SEED + 1)) {
    const post = posts[id * 4]!;
    yield {
      kind: 'comment',
      id: ++id,
      postId: post.id,
      postSlug: post.slug,
      postTitle: post.title,
      body: reply.body,
    };
  }
}

interface Shape {
  shape: string;
  input: SearchInput;
  /** What the reader must see besides a fast answer. */
  check(results: SearchResults, label: string): void;
}

const titleWords = posts[41]!.title.split(' ');
// A swapped letter, a dropped letter (twice): typos with one closest word.
const [oneWordTypo, twoWordTypo, , , , twoWordTypo2] = typoQueries(6, SEED + 2);
const found = (results: SearchResults, label: string): void =>
  expect(results.total.value, label).toBeGreaterThan(0);
const corrected =
  (intended: string) =>
  (results: SearchResults, label: string): void =>
    expect(results.terms.used.join(' '), label).toContain(intended);

/** Every shape of search a reader types: one to three words, typos, pages, a category. */
const SHAPES: Shape[] = [
  { shape: 'one word', input: { q: titleWords[0]! }, check: found },
  {
    shape: 'one word, typo',
    input: { q: oneWordTypo!.typed },
    check: corrected(oneWordTypo!.intended),
  },
  { shape: 'two words', input: { q: titleWords.slice(0, 2).join(' ') }, check: found },
  {
    shape: 'two words, typo',
    input: { q: twoWordTypo!.typed },
    check: corrected(twoWordTypo!.intended),
  },
  {
    shape: 'two words, two typos',
    input: { q: 'postgress replicaton' },
    check: corrected('replication'),
  },
  { shape: 'three words', input: { q: titleWords.slice(0, 3).join(' ') }, check: found },
  {
    shape: 'three words, typo',
    input: { q: `${twoWordTypo2!.typed} ${titleWords[2]}` },
    check: corrected(twoWordTypo2!.intended),
  },
  {
    shape: 'two words, typo, page 2',
    input: { q: 'idexs histogram', page: 2 },
    check: (results, label) =>
      expect(results.hits, label).toHaveLength(Math.min(10, Math.max(0, results.total.value - 10))),
  },
  {
    shape: 'two words, typo, past the last page',
    input: { q: 'postgress replicaton', page: 1_000 },
    check: (results, label) =>
      expect(results, label).toMatchObject({ hits: [], total: { value: expect.any(Number) } }),
  },
  {
    shape: 'one word, category',
    input: { q: 'replication', category: 'postgresql' },
    check: (results, label) =>
      expect(
        results.hits.every(
          (hit) => hit.kind === 'post' && hit.categories[0]?.slug === 'postgresql',
        ),
        label,
      ).toBe(true),
  },
  {
    shape: 'nothing matches',
    input: { q: 'zyzzyva quokkas' },
    check: (results, label) => expect(results.total.value, label).toBe(0),
  },
];

async function expectEveryShapeFast(engine: SearchEngine): Promise<void> {
  for (const { shape, input, check } of SHAPES) {
    const started = performance.now();
    const results = await engine.search(input);
    const ms = performance.now() - started;
    expect(ms, `${shape}: "${input.q}" took ${Math.round(ms)} ms`).toBeLessThan(MAX_SEARCH_MS);
    check(results, `${shape}: "${input.q}"`);
  }
}

/** Each plan node of the engine's lexicon lookup for `q`: node type, index and index condition. */
async function lexiconPlan(db: SqlClient, q: string): Promise<string[]> {
  const statements: { sql: string; params: unknown[] }[] = [];
  const recording: SqlClient = {
    query: (sql, params = []) => {
      if (sql.includes('similarity(')) statements.push({ sql, params });
      return db.query(sql, params);
    },
  };
  await createPostgresSearchEngine(recording).search({ q });
  const [lookup] = statements;
  if (lookup === undefined) throw new Error(`no lexicon lookup for "${q}"`);
  const { rows } = await db.query(`EXPLAIN (FORMAT JSON) ${lookup.sql}`, lookup.params);
  const nodes: string[] = [];
  const visit = (node: PlanNode): void => {
    nodes.push([node['Node Type'], node['Index Name'], node['Index Cond']].join(' | '));
    node.Plans?.forEach(visit);
  };
  const [explained] = rows[0]?.['QUERY PLAN'] as { Plan: PlanNode }[];
  visit(explained!.Plan);
  return nodes;
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

/** Spelling variants are probed by primary key; the trigram index serves similarity (`%`) only. */
async function expectVariantsProbedByKey(db: SqlClient): Promise<void> {
  const plan = await lexiconPlan(db, 'postgress replicaton');
  expect(
    plan.filter((node) => node.includes('search_term_word_trgm_idx | ') && !node.includes('%')),
  ).toEqual([]);
  // `v` is the variants' alias (`v_1` when PostgreSQL had to rename it).
  const probedByKey = /search_term_pkey .*word = v(_\d+)?\.word/u;
  expect(plan.some((node) => probedByKey.test(node))).toBe(true);
}

describe.each([
  ['PGlite', openPglite],
  ['PostgreSQL', openPostgres],
])('PostgreSQL engine over a blog of 1,000 posts on %s', (_name, open) => {
  let database: TestDatabase;
  let engine: SearchEngine;

  beforeAll(async () => {
    database = await open();
    engine = createPostgresSearchEngine(database.db);
    await engine.setup();
    await engine.reindex(blog());
  });
  afterAll(() => database?.close());

  it('answers every shape of search within a second right after a reindex', async () => {
    await expectVariantsProbedByKey(database.db);
    await expectEveryShapeFast(engine);
  });

  it('answers every shape of search within a second without planner statistics', async () => {
    expect(await plannerStatisticsCount(database.db)).toBeGreaterThan(0);
    await forgetPlannerStatistics(database.db);
    expect(await plannerStatisticsCount(database.db)).toBe(0);
    await expectVariantsProbedByKey(database.db);
    await expectEveryShapeFast(engine);
  });
});
