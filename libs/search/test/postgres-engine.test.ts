import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresSearchEngine,
  type IndexableDocument,
  type PostDocument,
  type SearchEngine,
  SearchValidationError,
  type SqlClient,
} from '../src/index.js';
import { phrasePairHashes } from '../src/postgres/phrase-pairs.js';
import { openPglite, openPostgres, type TestDatabase } from './fixtures/databases.js';
import { NASTY_QUERIES } from './fixtures/nasty-queries.js';
import { smallCategories, smallPosts } from './fixtures/small-corpus.js';
import { demoDocuments, iterate } from './fixtures/to-documents.js';

/** A synthetic post numbered `id`, published a minute after the one before it. */
const numberedPost = (
  id: number,
  fields: Pick<PostDocument, 'slug' | 'title' | 'body'> & Partial<PostDocument>,
): IndexableDocument => ({
  kind: 'post',
  id,
  summary: '',
  categories: [],
  publishedAt: new Date(Date.UTC(2024, 0, 1) + id * 60_000).toISOString(),
  ...fields,
});

/** A short note about a lantern, titled `title`. */
const lanternNote = (id: number, title: string): IndexableDocument =>
  numberedPost(id, { slug: `note-${id}`, title, body: 'A short note about a lantern.' });

const slugs = (results: { hits: { slug: string; kind: string }[] }): string[] =>
  results.hits.filter((hit) => hit.kind === 'post').map((hit) => hit.slug);

/**
 * A two-word phrase is decided by the pair index; three words recheck positions. Both find the
 * demo post about replication.
 */
async function expectPhrasesFound(engine: SearchEngine): Promise<void> {
  const phrase = await engine.search({ q: 'streaming replication', debug: true });
  expect(phrase.debug?.strategy).toBe('phrase');
  expect(slugs(phrase)[0]).toBe('postgresql-streaming-replication');
  expect(slugs(await engine.search({ q: 'ships the write-ahead log' }))).toEqual([
    'postgresql-streaming-replication',
  ]);
}

describe.each([
  ['PGlite', openPglite],
  ['PostgreSQL 15', openPostgres],
])('PostgreSQL engine on %s', (_name, open) => {
  let database: TestDatabase;
  let engine: SearchEngine;

  beforeAll(async () => {
    database = await open();
    engine = createPostgresSearchEngine(database.db);
    await engine.setup();
    await engine.setup();
    const progress = await engine.reindex(iterate(demoDocuments(smallPosts, smallCategories)));
    expect(progress).toEqual({ posts: 4, comments: 2 });
  });
  afterAll(() => database.close());

  it('corrects a typo at once and keeps the post that really contains the typed word first', async () => {
    const results = await engine.search({ q: 'firefix' });
    expect(slugs(results)[0]).toBe('firefix-the-typo-post');
    expect(slugs(results)).toContain('profiling-pages-in-firefox');
    expect(results.terms).toEqual({
      typed: 'firefix',
      used: ['firefix', 'firefox'],
      correctedTo: null,
    });
  });

  it('fixes two misspelled words and says which terms it used', async () => {
    const results = await engine.search({ q: 'postgress replicaton', debug: true });
    expect(slugs(results)).toEqual(['postgresql-streaming-replication']);
    expect(results.terms.correctedTo).toBe('postgresql replication');
    expect(results.debug?.candidates.map((c) => [c.text, c.source])).toEqual([
      ['postgress replicaton', 'typed'],
      ['postgress replicaton', 'prefix'],
      ['postgresql replication', 'suggester'],
      // `PostgreSQL` changes case inside: its parts are words of the lexicon too.
      ['postgre replication', 'suggester'],
    ]);
    expect(results.debug?.strategiesTried).toEqual(['phrase', 'any-word']);
  });

  it('finds short words with a transposition', async () => {
    const results = await engine.search({ q: 'tokoi' });
    expect(slugs(results)).toEqual(['tokio-channels']);
  });

  it('ranks a title phrase match above a body-only match', async () => {
    const results = await engine.search({ q: 'firefox profiler' });
    expect(slugs(results)[0]).toBe('profiling-pages-in-firefox');
    expect(results.hits[0]?.snippet).toContain('<mark>Firefox</mark>');
  });

  it('returns post fields and an escaped, highlighted snippet', async () => {
    const results = await engine.search({ q: 'replication slot' });
    expect(results.hits[0]).toMatchObject({
      kind: 'post',
      id: 1,
      slug: 'postgresql-streaming-replication',
      title: 'Setting up PostgreSQL streaming replication',
      publishedAt: '2024-03-01T10:00:00.000Z',
      categories: [{ slug: 'postgresql', name: 'PostgreSQL' }],
    });
    expect(results.hits[0]?.snippet).toContain('<mark>replication</mark>');
    expect(results.hits[0]?.snippet).toContain('pg_create_physical_');
    expect(results.hits[0]?.snippet).toContain('(&#39;standby1');
  });

  it('blends approved comments in as "Comment on" results when posts are few', async () => {
    const results = await engine.search({ q: 'logical decoding' });
    expect(results.hits).toEqual([
      expect.objectContaining({
        kind: 'comment',
        title: 'Comment on Setting up PostgreSQL streaming replication',
        postId: 1,
      }),
    ]);
    expect(results.total.value).toBe(1);
  });

  it('never indexes unapproved comments or drafts', async () => {
    const results = await engine.search({ q: 'spam nobody approved' });
    expect(results.total.value).toBe(0);
    const drafts = await engine.search({ q: 'unfinished notes' });
    expect(drafts.total.value).toBe(0);
  });

  it('filters by a category given inside q or as a parameter', async () => {
    const inQuery = await engine.search({ q: 'firefox category:postgresql' });
    expect(inQuery.category).toBe('postgresql');
    expect(inQuery.total.value).toBe(0);
    const asParam = await engine.search({ q: 'firefox', category: 'browsers' });
    expect(slugs(asParam)).toEqual(['profiling-pages-in-firefox']);
    expect(asParam.hits.every((hit) => hit.kind === 'post')).toBe(true);
  });

  it('pages through results', async () => {
    const first = await engine.search({ q: 'firefox', pageSize: 1 });
    const second = await engine.search({ q: 'firefox', pageSize: 1, page: 2 });
    const beyond = await engine.search({ q: 'firefox', pageSize: 1, page: 9 });
    expect(first.hits).toHaveLength(1);
    expect(second.hits).toHaveLength(1);
    expect(second.hits[0]?.id).not.toBe(first.hits[0]?.id);
    expect(beyond.hits).toEqual([]);
    expect(beyond.total).toEqual(first.total);
  });

  it('answers a phrase search paged past its end with its total and no hits', async () => {
    for (const q of ['streaming replication', 'streeming replicaton']) {
      const first = await engine.search({ q });
      expect(slugs(first), q).toEqual(['postgresql-streaming-replication']);
      const past = await engine.search({ q, page: 2 });
      expect(past, q).toMatchObject({ total: first.total, hits: [] });
    }
  });

  it('keeps the lexicon current on index and remove', async () => {
    await engine.indexPost({
      id: 50,
      slug: 'kubernetes-operators',
      title: 'Writing Kubernetes operators',
      body: 'Reconcile loops.',
      summary: '',
      categories: [],
      publishedAt: '2025-01-01T00:00:00Z',
    });
    expect(slugs(await engine.search({ q: 'kubernetis' }))).toEqual(['kubernetes-operators']);
    await engine.removePost(50);
    const gone = await engine.search({ q: 'kubernetis', debug: true });
    expect(gone.total.value).toBe(0);
    expect(gone.debug?.candidates.map((candidate) => candidate.source)).toEqual([
      'typed',
      'prefix',
    ]);
  });

  it('removes a post together with its comments, and a single comment', async () => {
    await engine.indexComment({
      id: 77,
      postId: 3,
      postSlug: 'tokio-channels',
      postTitle: 'Async Rust with tokio channels',
      body: 'Crossbeam is worth a look.',
    });
    expect((await engine.search({ q: 'crossbeam' })).total.value).toBe(1);
    await engine.removeComment(77);
    expect((await engine.search({ q: 'crossbeam' })).total.value).toBe(0);
    await engine.indexComment({
      id: 78,
      postId: 3,
      postSlug: 'tokio-channels',
      postTitle: 'Async Rust with tokio channels',
      body: 'Crossbeam again.',
    });
    await engine.removePost(3);
    expect((await engine.search({ q: 'crossbeam' })).total.value).toBe(0);
    expect((await engine.health()).posts).toBe(3);
  });

  it('validates q with a typed error naming the field', async () => {
    await expect(engine.search({ q: '   ' })).rejects.toMatchObject({
      name: 'SearchValidationError',
      field: 'q',
    });
    await expect(engine.search({ q: 'x'.repeat(201) })).rejects.toBeInstanceOf(
      SearchValidationError,
    );
  });

  it('searches every nasty input as text, never failing', async () => {
    for (const q of NASTY_QUERIES) {
      const results = await engine.search({ q });
      expect(results.total.value, q).toBeGreaterThanOrEqual(0);
    }
    expect(
      slugs(await engine.search({ q: '"firefox" OR 1=1; DROP TABLE search_document; --' })),
    ).toContain('profiling-pages-in-firefox');
  });

  it('matches phrases by adjacent words only, with and without a stop word inside', async () => {
    // Two words side by side: decided by the pair index alone.
    expect(slugs(await engine.search({ q: 'streaming replication' }))[0]).toBe(
      'postgresql-streaming-replication',
    );
    // Three words: the pair index narrows, positions are rechecked.
    expect(slugs(await engine.search({ q: 'ships the write-ahead log' }))).toEqual([
      'postgresql-streaming-replication',
    ]);
    // Both words are in the post, never side by side: no phrase match, so any-word finds it.
    const apart = await engine.search({ q: 'slot streaming', debug: true });
    expect(apart.debug?.strategiesTried).toEqual(['phrase', 'any-word']);
    // A stop word inside the phrase leaves no pair: matched through the word index.
    const withStopWord = await engine.search({ q: 'markers and the call', debug: true });
    expect(slugs(withStopWord)).toEqual(['profiling-pages-in-firefox']);
    expect(withStopWord.debug?.strategy).toBe('phrase');
  });

  it('reindexes into a new generation and reports health', async () => {
    await engine.reindex(iterate(demoDocuments(smallPosts, smallCategories)));
    expect(await engine.health()).toEqual({ engine: 'postgres', ok: true, posts: 4, comments: 2 });
    expect(slugs(await engine.search({ q: 'tokio' }))).toEqual(['tokio-channels']);
  });
});

describe.each([
  ['PGlite', openPglite],
  ['PostgreSQL 15', openPostgres],
])('PostgreSQL engine at scale and across versions on %s', (_name, open) => {
  let database: TestDatabase;
  afterAll(() => database.close());

  /** How often the search for `q` ran each fallback snippet's ts_headline, from its plan. */
  async function fallbackHeadlines(q: string): Promise<number[]> {
    const statements: { sql: string; params: unknown[] }[] = [];
    const recording: SqlClient = {
      query: (sql, params = []) => {
        if (sql.includes('ts_headline')) statements.push({ sql, params });
        return database.db.query(sql, params);
      },
    };
    await createPostgresSearchEngine(recording).search({ q });
    const [match] = statements;
    const { rows } = await database.db.query(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${match!.sql}`,
      match!.params,
    );
    const loops: number[] = [];
    const visit = (node: PlanNode): void => {
      if (node['Function Name'] === 'ts_headline') loops.push(node['Actual Loops']);
      node.Plans?.forEach(visit);
    };
    visit((rows[0]?.['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan);
    return loops;
  }

  /** The demo posts indexed, the index turned back to an older layout, then set up again. */
  async function upgradedFrom(olderLayout: readonly string[]): Promise<SearchEngine> {
    const engine = createPostgresSearchEngine(database.db);
    await engine.reindex(iterate(demoDocuments(smallPosts, smallCategories)));
    for (const statement of olderLayout) await database.db.query(statement);
    await engine.setup();
    return engine;
  }

  it('upgrades an index created by version 1 in place, keeping its documents', async () => {
    database = await open();
    for (const statement of VERSION_1_SCHEMA) await database.db.query(statement);
    await database.db.query(
      `INSERT INTO search_document (generation, kind, source_id, post_id, slug, title, body, words, vec)
       VALUES (1, 'post', 1, 1, 'tokio-channels', 'Async Rust with tokio channels', 'Bounded channels.',
         '{async,rust,with,tokio,channels,bounded}',
         setweight(to_tsvector('english', 'Async Rust with tokio channels'), 'A')
           || setweight(to_tsvector('english', 'Bounded channels.'), 'B'))`,
    );
    await database.db.query(
      `INSERT INTO search_term (generation, word, doc_count)
       SELECT 1, unnest('{async,rust,with,tokio,channels,bounded}'::text[]), 1`,
    );
    const engine = createPostgresSearchEngine(database.db);
    await engine.setup();
    await engine.setup();
    const { rows } = await database.db.query('SELECT schema_version FROM search_state');
    expect(rows).toEqual([{ schema_version: 8 }]);
    // Version 4 listed the title prefixes of the documents already indexed.
    expect((await engine.suggest({ q: 'tok' })).posts).toEqual([
      { slug: 'tokio-channels', title: 'Async Rust with tokio channels' },
    ]);
    const results = await engine.search({ q: 'tokoi channels' });
    expect(slugs(results)).toEqual(['tokio-channels']);
    expect(results.hits[0]?.snippet).toContain('<mark>channels</mark>');
  });

  it('upgrades a version 5 index: hashed pairs and match rows replace text pairs and addresses', async () => {
    const engine = await upgradedFrom(VERSION_5_PAIR_INDEX);
    const { rows } = await database.db.query(
      `SELECT (SELECT schema_version FROM search_state) AS version,
         (SELECT array_agg(indexrelid::regclass::text ORDER BY 1) FROM pg_index
           WHERE indrelid = 'search_document'::regclass
             AND indexrelid::regclass::text SIMILAR TO '%(pair|bigram)%') AS indexes,
         (SELECT count(*)::int FROM pg_proc
           WHERE proname IN ('search_bigrams', 'search_vector_matches')) AS old_functions`,
    );
    expect(rows).toEqual([{ version: 8, indexes: ['search_document_pair_idx'], old_functions: 0 }]);
    await expectPhrasesFound(engine);
  });

  it('upgrades a version 6 index: the pairs are stored, and the index reads them', async () => {
    const engine = await upgradedFrom(VERSION_6_PAIR_INDEX);
    const { rows } = await database.db.query(
      `SELECT (SELECT schema_version FROM search_state) AS version,
         (SELECT pg_get_indexdef('search_document_pair_idx'::regclass)) AS pair_index,
         (SELECT count(*)::int FROM pg_proc WHERE proname = 'search_phrase_pairs') AS old_functions`,
    );
    expect(rows).toEqual([
      {
        version: 8,
        pair_index: expect.stringContaining('USING gin (pairs)'),
        old_functions: 0,
      },
    ]);
    // The pairs PostgreSQL computed on upgrade are those a write computes.
    const stored = await database.db.query(
      'SELECT vec::text AS vec, pairs::text[] AS pairs FROM search_document ORDER BY kind, source_id',
    );
    expect(stored.rows.length).toBe(6);
    for (const row of stored.rows) {
      expect(row.pairs).toEqual(phrasePairHashes(row.vec as string));
    }
    await expectPhrasesFound(engine);
  });

  it('upgrades a version 7 index: the word-index scan takes a row limit', async () => {
    const engine = await upgradedFrom(VERSION_7_MATCH_FUNCTION);
    const { rows } = await database.db.query(
      `SELECT (SELECT schema_version FROM search_state) AS version,
         (SELECT array_agg(pronargs) FROM pg_proc WHERE proname = 'search_vector_match_rows') AS args`,
    );
    expect(rows).toEqual([{ version: 8, args: [6] }]);
    expect(slugs(await engine.search({ q: 'firefox' }))[0]).toBe('profiling-pages-in-firefox');
  });

  it('leaves the pair index flushing small pending lists after a reindex', async () => {
    const engine = createPostgresSearchEngine(database.db);
    await engine.reindex(iterate(demoDocuments(smallPosts, smallCategories)));
    const { rows } = await database.db.query(
      `SELECT reloptions FROM pg_class WHERE relname = 'search_document_pair_idx'`,
    );
    expect(rows).toEqual([{ reloptions: ['gin_pending_list_limit=256'] }]);
  });

  it('answers from the live generation while a reindex is half loaded, and after it fails', async () => {
    const engine = createPostgresSearchEngine(database.db);
    await engine.reindex(iterate(demoDocuments(smallPosts, smallCategories)));
    const zebra = (id: number): IndexableDocument =>
      numberedPost(id, {
        slug: `zebra-${id}`,
        title: `Zebra crossing ${id}`,
        body: 'A zebra crossing in the rain.',
        categories: [{ slug: 'streets', name: 'Streets' }],
      });
    const nextGenerationRows = async (table: string): Promise<number> => {
      const { rows } = await database.db.query(
        `SELECT count(*)::int AS n FROM ${table}
         WHERE generation > (SELECT generation FROM search_state)`,
      );
      return Number(rows[0]?.n);
    };
    const loadedRows = (): Promise<number> => nextGenerationRows('search_document_next');
    const seenMidway: unknown[] = [];
    const liveTableMidway: number[] = [];
    async function* halfThenFail(): AsyncIterable<IndexableDocument> {
      for (let id = 1; id <= 150; id++) {
        // The first batch of 100 is in the next generation before the 101st document.
        if (id === 101) {
          while ((await loadedRows()) < 100) await new Promise((done) => setTimeout(done, 20));
          for (const input of [
            { q: 'zebra' },
            { q: 'zebra crossing' },
            { q: 'zebra', category: 'streets' },
            { q: 'zeb' },
          ])
            seenMidway.push((await engine.search(input)).total);
          liveTableMidway.push(await nextGenerationRows('search_document'));
        }
        yield zebra(id);
      }
      throw new Error('source went away');
    }
    await expect(engine.reindex(halfThenFail())).rejects.toThrow('source went away');
    const none = { value: 0, relation: 'eq' };
    expect(seenMidway).toEqual([none, none, none, none]);
    // The load goes to a table of its own: the live one, and its indexes, are not written.
    expect(liveTableMidway).toEqual([0]);
    expect((await engine.search({ q: 'zebra crossing' })).total).toEqual(none);
    expect(slugs(await engine.search({ q: 'tokio' }))).toEqual(['tokio-channels']);
    const { rows } = await database.db.query(
      `SELECT reloptions FROM pg_class WHERE relname = 'search_document_pair_idx'`,
    );
    expect(rows).toEqual([{ reloptions: ['gin_pending_list_limit=256'] }]);
    // The next reindex replaces what the failed one left, and the index is whole again.
    await engine.reindex(iterate(demoDocuments(smallPosts, smallCategories)));
    expect(await engine.health()).toEqual({ engine: 'postgres', ok: true, posts: 4, comments: 2 });
    expect(slugs(await engine.search({ q: 'tokio' }))).toEqual(['tokio-channels']);
  });

  it('counts the lexicon of a reindex as the stored words count it, odd words included', async () => {
    const engine = createPostgresSearchEngine(database.db);
    const odd: IndexableDocument = {
      kind: 'post',
      id: 99,
      slug: 'odd-words',
      title: 'Quotes "inside" and back\\slashes, {braces}, commas',
      body: 'It\'s a NULL "null" {a,b} tokio élan naïve',
      summary: '',
      categories: [],
      publishedAt: '2024-05-01T00:00:00.000Z',
    };
    await engine.reindex(iterate([...demoDocuments(smallPosts, smallCategories), odd]));
    const { rows } = await database.db.query(
      `SELECT (SELECT array_agg(word || '=' || doc_count ORDER BY word COLLATE "C") FROM search_term
           WHERE generation = (SELECT generation FROM search_state)) AS lexicon,
         (SELECT array_agg(word || '=' || n ORDER BY word COLLATE "C") FROM (
           SELECT word, count(*) AS n FROM search_document, unnest(words) AS word GROUP BY word) w) AS stored`,
    );
    expect(rows[0]?.lexicon).toEqual(rows[0]?.stored);
    expect(rows[0]?.lexicon).toEqual(expect.arrayContaining(['tokio=2', 'élan=1']));
  });

  it('leaves the document table with the key, indexes and column settings setup() gives it', async () => {
    const engine = createPostgresSearchEngine(database.db);
    const layout = async (): Promise<unknown[]> => {
      const indexes = await database.db.query(
        `SELECT c.relname, pg_get_indexdef(c.oid) AS definition, c.reloptions
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         WHERE i.indrelid = 'search_document'::regclass ORDER BY c.relname`,
      );
      const columns = await database.db.query(
        `SELECT attname, attstattarget, attstorage, attcompression, attnotnull,
           pg_get_expr(d.adbin, d.adrelid) AS default_value
         FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
         WHERE a.attrelid = 'search_document'::regclass AND a.attnum > 0 AND NOT a.attisdropped
         ORDER BY a.attnum`,
      );
      return [...indexes.rows, ...columns.rows];
    };
    await engine.setup();
    const setUp = await layout();
    expect(setUp.length).toBeGreaterThan(14);
    await engine.reindex(iterate(demoDocuments(smallPosts, smallCategories)));
    expect(await layout()).toEqual(setUp);
  });

  it('ranks beyond the shortlist: title matches first, exact totals, every page', async () => {
    const engine = createPostgresSearchEngine(database.db);
    const filler = (id: number): Extract<IndexableDocument, { kind: 'post' }> => ({
      kind: 'post',
      id,
      slug: `filler-${id}`,
      title: `Notes ${id}`,
      // Long enough that snippets come from the window around the first match.
      // Scores differ (1 to 3 mentions), so exact ranking reorders the shortlist.
      body: `${'Unrelated words about gardens. '.repeat(120 + (id % 7) * 20)} ${'The lantern is here. '.repeat(1 + (id % 3))}`,
      summary: '',
      categories: [],
      publishedAt: new Date(Date.UTC(2024, 0, 1) + id * 3_600_000).toISOString(),
    });
    const docs: IndexableDocument[] = Array.from({ length: 260 }, (_, i) => filler(i + 1));
    // The oldest post, so only its title match can bring it into the shortlist.
    docs.push({ ...filler(0), id: 999, slug: 'lantern-guide', title: 'A lantern guide' });
    await engine.reindex(iterate(docs));

    const first = await engine.search({ q: 'lantern' });
    expect(first.total.value).toBe(261);
    expect(slugs(first)[0]).toBe('lantern-guide');
    expect(first.hits[1]?.snippet).toContain('<mark>lantern</mark>');
    const last = await engine.search({ q: 'lantern', page: 27 });
    expect(last.hits).toHaveLength(1);
    const past = await engine.search({ q: 'lantern', page: 28 });
    expect(past).toMatchObject({ total: { value: 261, relation: 'eq' }, hits: [] });
    const seen = new Set<number>();
    for (let page = 1; page <= 27; page++)
      for (const hit of (await engine.search({ q: 'lantern', page })).hits) seen.add(hit.id);
    expect(seen.size).toBe(261);
  });

  it('takes a snippet from around the first mention of a word whose stem ends in i', async () => {
    const engine = createPostgresSearchEngine(database.db);
    const filler = 'Unrelated words about gardens. '.repeat(40);
    await engine.reindex(
      iterate([
        {
          kind: 'post',
          id: 1,
          slug: 'queries',
          title: 'Notes',
          // `query` stems to `queri`, which the text does not hold.
          body: `${filler} The first query is here. ${filler} Query after query, query on query.`,
          summary: '',
          categories: [],
          publishedAt: '2024-01-01T00:00:00.000Z',
        },
      ]),
    );
    const [hit] = (await engine.search({ q: 'query' })).hits;
    expect(hit?.snippet).toContain('The first <mark>query</mark> is here.');
    // The window held the match: no fallback headline read the window again, nor the whole body.
    expect(await fallbackHeadlines('query')).toEqual([0]);
  });

  it('fills the first stage with title matches when there are enough, and pages on past them', async () => {
    const engine = createPostgresSearchEngine(database.db);
    const note = (id: number, inTitle: boolean): IndexableDocument =>
      lanternNote(id, inTitle ? `Lantern note ${id}` : `Note ${id}`);
    // 210 title matches, all older than the 40 posts that hold the word in their body alone.
    const docs = Array.from({ length: 250 }, (_, i) => note(i + 1, i < 210));
    await engine.reindex(iterate(docs));
    const seen: string[] = [];
    for (let page = 1; page <= 26; page++)
      seen.push(...slugs(await engine.search({ q: 'lantern', page })));
    expect(new Set(seen).size).toBe(250);
    // The shortlist is the newest 200 title matches, the next ten the oldest; the body
    // matches follow, newest first, although every one of them is newer.
    expect(new Set(seen.slice(0, 200))).toEqual(
      new Set(Array.from({ length: 200 }, (_, i) => `note-${i + 11}`)),
    );
    expect(seen.slice(200)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `note-${10 - i}`),
      ...Array.from({ length: 40 }, (_, i) => `note-${250 - i}`),
    ]);
  });

  it('counts up to 1,000 matches, then says "at least", and still pages past them', async () => {
    const engine = createPostgresSearchEngine(database.db);
    const note = (id: number): IndexableDocument => lanternNote(id, `Note ${id}`);
    await engine.reindex(iterate(Array.from({ length: 1_001 }, (_, i) => note(i + 1))));
    const many = await engine.search({ q: 'lantern' });
    expect(many.total).toEqual({ value: 1_000, relation: 'gte' });
    expect(many.hits).toHaveLength(10);
    expect((await engine.search({ q: 'lantern', page: 101 })).hits).toHaveLength(1);

    await engine.removePost(1_001);
    expect((await engine.search({ q: 'lantern' })).total).toEqual({ value: 1_000, relation: 'eq' });
  });

  it('reads no more matches than the count needs once title matches fill the first stage', async () => {
    const engine = createPostgresSearchEngine(database.db);
    const note = (id: number): IndexableDocument => lanternNote(id, `Lantern note ${id}`);
    await engine.reindex(iterate(Array.from({ length: 1_002 }, (_, i) => note(i + 1))));
    const matchRows = async (maxRows: number | null): Promise<number> => {
      const { rows } = await database.db.query(
        `SELECT cardinality(row_ids) AS n FROM search_vector_match_rows(
           to_tsquery('english', 'lantern'), NULL, (SELECT generation FROM search_state), 'post', NULL, $1)`,
        [maxRows],
      );
      return Number(rows[0]?.n);
    };
    expect(await matchRows(null)).toBe(1_002);
    expect(await matchRows(1_001)).toBe(1_001);
    const first = await engine.search({ q: 'lantern' });
    expect(first.total).toEqual({ value: 1_000, relation: 'gte' });
    expect(slugs(first)).toEqual(Array.from({ length: 10 }, (_, i) => `note-${1_002 - i}`));
    expect((await engine.search({ q: 'lantern', page: 101 })).hits).toHaveLength(2);
  });
});

describe.each([
  ['PGlite', openPglite],
  ['PostgreSQL 15', openPostgres],
])('PostgreSQL engine planner statistics on %s', (_name, open) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(() => database.close());

  /** Rows per table as the planner believes them; -1 means never analyzed. */
  const plannerRowCounts = async (): Promise<Record<string, number>> => {
    const { rows } = await database.db.query(
      `SELECT relname, reltuples FROM pg_class
       WHERE relname IN ('search_state', 'search_document', 'search_term', 'search_title_prefix')
       ORDER BY relname`,
    );
    return Object.fromEntries(rows.map((row) => [row.relname, Number(row.reltuples)]));
  };

  it('analyzes the tables setup() creates, and the live generation after each reindex', async () => {
    const engine = createPostgresSearchEngine(database.db);
    await engine.setup();
    expect(await plannerRowCounts()).toEqual({
      search_document: 0,
      search_state: 1,
      search_term: 0,
      search_title_prefix: 0,
    });
    const docs = demoDocuments(smallPosts, smallCategories);
    await engine.reindex(iterate(docs));
    await engine.reindex(iterate(docs));
    const { rows } = await database.db.query(
      `SELECT (SELECT count(*)::int FROM search_term WHERE doc_count > 0) AS words,
         (SELECT count(*)::int FROM search_title_prefix) AS prefixes`,
    );
    expect(await plannerRowCounts()).toEqual({
      search_document: docs.length,
      search_state: 1,
      search_term: rows[0]?.words,
      search_title_prefix: rows[0]?.prefixes,
    });
  });
});

/** The tables as version 1 of the engine created them, before schema versions existed. */
const VERSION_1_SCHEMA = [
  'CREATE EXTENSION IF NOT EXISTS pg_trgm',
  'CREATE TABLE search_state (id int PRIMARY KEY DEFAULT 1 CHECK (id = 1), generation int NOT NULL)',
  'INSERT INTO search_state (id, generation) VALUES (1, 1)',
  `CREATE TABLE search_document (generation int NOT NULL, kind text NOT NULL, source_id int NOT NULL,
    post_id int NOT NULL, slug text NOT NULL, title text NOT NULL, body text NOT NULL,
    categories jsonb NOT NULL DEFAULT '[]', category_slugs text[] NOT NULL DEFAULT '{}',
    published_at timestamptz, words text[] NOT NULL, vec tsvector NOT NULL,
    PRIMARY KEY (generation, kind, source_id))`,
  'CREATE INDEX search_document_vec_idx ON search_document USING gin (vec)',
  `CREATE TABLE search_term (generation int NOT NULL, word text NOT NULL, doc_count int NOT NULL,
    PRIMARY KEY (generation, word))`,
  'CREATE INDEX search_term_word_trgm_idx ON search_term USING gin (word gin_trgm_ops)',
];

interface PlanNode {
  'Function Name'?: string;
  'Actual Loops': number;
  Plans?: PlanNode[];
}

/**
 * The word-index scan as version 7 left it, without a row limit. Applied over a current index,
 * with the schema version set back, to upgrade it again.
 */
const VERSION_7_MATCH_FUNCTION = [
  'DROP FUNCTION search_vector_match_rows(tsquery, tsquery, int, text, text, bigint)',
  `CREATE FUNCTION search_vector_match_rows(q tsquery, phrase tsquery,
      in_generation int, in_kind text, in_category text,
      OUT row_ids tid[], OUT source_ids int[], OUT published_ats timestamptz[])
    LANGUAGE sql STABLE AS $fn$ SELECT '{}'::tid[], '{}'::int[], '{}'::timestamptz[] $fn$`,
  'UPDATE search_state SET schema_version = 7',
];

/**
 * The pair index as version 6 left it: an expression that computed each row's pairs in SQL.
 * Applied over a current index, with the schema version set back, to upgrade it again.
 */
const VERSION_6_PAIR_INDEX = [
  'DROP INDEX search_document_pair_idx',
  'DROP FUNCTION search_pair_match_rows(bigint[], tsquery)',
  'ALTER TABLE search_document DROP COLUMN pairs',
  `CREATE FUNCTION search_phrase_pairs(vec tsvector) RETURNS bigint[]
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL RESTRICTED COST 100000 AS $fn$
    BEGIN
      RETURN (SELECT coalesce(array_agg(hashtextextended(a.lexeme || ' ' || b.lexeme, 0)), '{}')
        FROM (SELECT u.lexeme, p FROM unnest(vec) AS u, unnest(u.positions) AS p) a
        JOIN (SELECT u.lexeme, p FROM unnest(vec) AS u, unnest(u.positions) AS p) b ON b.p = a.p + 1);
    END
    $fn$`,
  'CREATE INDEX search_document_pair_idx ON search_document USING gin (search_phrase_pairs(vec))',
  'UPDATE search_state SET schema_version = 6',
];

/**
 * The pair index as version 5 left it: pairs as text. Applied over a current index, with the
 * schema version set back, to upgrade it again.
 */
const VERSION_5_PAIR_INDEX = [
  'DROP INDEX search_document_pair_idx',
  `CREATE FUNCTION search_bigrams(vec tsvector) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL RESTRICTED COST 100000 AS $fn$
    BEGIN
      RETURN (SELECT coalesce(array_agg(a.lexeme || ' ' || b.lexeme), '{}')
        FROM (SELECT u.lexeme, p FROM unnest(vec) AS u, unnest(u.positions) AS p) a
        JOIN (SELECT u.lexeme, p FROM unnest(vec) AS u, unnest(u.positions) AS p) b ON b.p = a.p + 1);
    END
    $fn$`,
  'CREATE INDEX search_document_bigram_idx ON search_document USING gin (search_bigrams(vec))',
  `CREATE FUNCTION search_vector_matches(q tsquery, phrase tsquery) RETURNS tid[]
    LANGUAGE sql STABLE AS $fn$ SELECT '{}'::tid[] $fn$`,
  'UPDATE search_state SET schema_version = 5',
];

describe('PostgreSQL engine beside a setup() on another connection', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openPostgres();
    const engine = createPostgresSearchEngine(database.db);
    await engine.setup();
    await engine.reindex(iterate(demoDocuments(smallPosts, smallCategories)));
  });
  afterAll(() => database.close());

  it('reads the search state before the documents, as setup() locks them, so the two never deadlock', async () => {
    const pool = database.db as unknown as pg.Pool;
    const setup = await pool.connect();
    let locked: Promise<unknown> | null = null;
    // Like a setup() that has altered search_state and goes on to alter search_document, caught
    // between the two while the match statement starts.
    const beside: SqlClient = {
      async query(sql, params) {
        if (!sql.includes('search_vector_match_rows')) return pool.query(sql, params);
        await setup.query('BEGIN');
        await setup.query('LOCK TABLE search_state IN ACCESS EXCLUSIVE MODE');
        const matching = pool.query(sql, params);
        await until(async () => {
          const { rows } = await pool.query(
            'SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted',
          );
          return rows[0]?.n === 1;
        });
        locked = setup.query('LOCK TABLE search_document IN ACCESS EXCLUSIVE MODE');
        await locked;
        await setup.query('COMMIT');
        return matching;
      },
    };
    try {
      const results = await createPostgresSearchEngine(beside).search({ q: 'replication' });
      expect(slugs(results)[0]).toBe('postgresql-streaming-replication');
      await expect(locked).resolves.toBeDefined();
    } finally {
      await setup.query('ROLLBACK').catch(() => undefined);
      setup.release();
    }
  });
});

async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 10));
}
