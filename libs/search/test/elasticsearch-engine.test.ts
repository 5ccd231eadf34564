import { Client } from '@elastic/elasticsearch';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  createElasticsearchSearchEngine,
  type SearchEngine,
  SearchValidationError,
} from '../src/index.js';
import { ClientMock, errorResponse } from '../src/testing.js';
import { IDENTIFIER_PATTERN } from '../src/text/tokenize.js';
import { NASTY_QUERIES } from './fixtures/nasty-queries.js';
import { iterate } from './fixtures/to-documents.js';

type Body = Record<string, unknown>;

/** Realistic Elasticsearch responses, shaped as a 9.x server answers. */
const suggestResponse = {
  took: 3,
  timed_out: false,
  _shards: { total: 2, successful: 2, skipped: 0, failed: 0 },
  hits: { total: { value: 4, relation: 'eq' }, max_score: null, hits: [] },
  aggregations: {
    indexed: { buckets: { postgress: { doc_count: 0 }, replicaton: { doc_count: 0 } } },
  },
  suggest: {
    title: [
      {
        text: 'postgress',
        offset: 0,
        length: 9,
        options: [{ text: 'postgres', score: 0.875, freq: 3 }],
      },
      {
        text: 'replicaton',
        offset: 10,
        length: 10,
        options: [{ text: 'replication', score: 0.9, freq: 2 }],
      },
    ],
    body: [
      {
        text: 'postgress',
        offset: 0,
        length: 9,
        options: [{ text: 'postgresql', score: 0.7777778, freq: 9 }],
      },
      {
        text: 'replicaton',
        offset: 10,
        length: 10,
        options: [{ text: 'replication', score: 0.9, freq: 5 }],
      },
    ],
  },
};

const postsResponse = {
  took: 5,
  timed_out: false,
  _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
  hits: {
    total: { value: 1, relation: 'eq' },
    max_score: 7.5,
    hits: [
      {
        _index: 'inkwell-posts-20261126t100000000z',
        _id: '12',
        _score: 7.5,
        _source: {
          title: 'Setting up PostgreSQL streaming replication',
          slug: 'streaming-replication',
          categories: [{ slug: 'postgresql', name: 'PostgreSQL' }],
          published_at: '2024-03-01T10:00:00.000Z',
        },
        highlight: {
          body: ['Streaming \uE000replication\uE001 <needs> a \uE000postgres\uE001 standby'],
        },
        matched_queries: ['c2:title', 'c2:body'],
        sort: [7.5, 1709287200000],
      },
    ],
  },
};

const emptyHits = {
  took: 1,
  timed_out: false,
  _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
  hits: { total: { value: 0, relation: 'eq' }, max_score: null, hits: [] },
};

describe('Elasticsearch engine (official client mock)', () => {
  let mock: ClientMock;
  let engine: SearchEngine;
  let requests: { method: string; path: string; body: unknown; querystring: unknown }[];

  const record =
    (response: Body | ((body: unknown) => Body)) =>
    (params: {
      method: string | string[];
      path: string | string[];
      body?: unknown;
      querystring?: unknown;
    }) => {
      requests.push({
        method: String(params.method),
        path: String(params.path),
        body: params.body,
        querystring: params.querystring,
      });
      return typeof response === 'function' ? response(params.body) : response;
    };

  beforeEach(() => {
    mock = new ClientMock();
    requests = [];
    const client = new Client({ node: 'http://localhost:9200', Connection: mock.getConnection() });
    engine = createElasticsearchSearchEngine({
      client,
      now: () => new Date('2026-11-26T10:00:00Z'),
    });
  });

  it('asks the term suggester, then sends one boosted OR query of phrases', async () => {
    mock.add(
      { method: 'POST', path: '/inkwell-posts,inkwell-comments/_search' },
      record(suggestResponse),
    );
    mock.add({ method: 'POST', path: '/inkwell-posts/_search' }, record(postsResponse));
    mock.add({ method: 'POST', path: '/inkwell-comments/_search' }, record(emptyHits));

    const results = await engine.search({ q: 'postgress replicaton', debug: true });

    const holding = (word: string): Body => ({
      bool: { should: [{ term: { 'title.spell': word } }, { term: { 'body.spell': word } }] },
    });
    expect(requests[0]?.body).toEqual({
      size: 0,
      // How many documents hold each word as typed: the term suggester does not say.
      aggs: {
        indexed: {
          filters: {
            filters: { postgress: holding('postgress'), replicaton: holding('replicaton') },
          },
        },
      },
      suggest: {
        text: 'postgress replicaton',
        title: {
          term: expect.objectContaining({
            field: 'title.spell',
            suggest_mode: 'popular',
            max_term_freq: 2,
            max_edits: 2,
            min_word_length: 3,
            prefix_length: 0,
          }),
        },
        body: { term: expect.objectContaining({ field: 'body.spell', suggest_mode: 'popular' }) },
      },
    });
    const search = requests[1]?.body as {
      query: { bool: { should: Body[]; filter: unknown[] } };
      from: number;
      size: number;
    };
    expect(search.from).toBe(0);
    expect(search.size).toBe(10);
    expect(search.query.bool.filter).toEqual([]);
    // typed (1.1, 4 candidates -> 4.4), typed with its last word completed (1 * 3),
    // postgres replication (0.7875 * 2), postgresql replication (0.7 * 1)
    expect(search.query.bool.should).toEqual([
      { match_phrase: { title: { query: 'postgress replicaton', boost: 8.8, _name: 'c0:title' } } },
      { match_phrase: { body: { query: 'postgress replicaton', boost: 4.4, _name: 'c0:body' } } },
      {
        match_phrase_prefix: {
          title: { query: 'postgress replicaton', boost: 6, _name: 'c1:title' },
        },
      },
      {
        match_phrase_prefix: {
          body: { query: 'postgress replicaton', boost: 3, _name: 'c1:body' },
        },
      },
      {
        match_phrase: { title: { query: 'postgres replication', boost: 3.15, _name: 'c2:title' } },
      },
      { match_phrase: { body: { query: 'postgres replication', boost: 1.575, _name: 'c2:body' } } },
      {
        match_phrase: { title: { query: 'postgresql replication', boost: 1.4, _name: 'c3:title' } },
      },
      { match_phrase: { body: { query: 'postgresql replication', boost: 0.7, _name: 'c3:body' } } },
    ]);

    expect(results.hits[0]).toEqual({
      kind: 'post',
      id: 12,
      title: 'Setting up PostgreSQL streaming replication',
      slug: 'streaming-replication',
      publishedAt: '2024-03-01T10:00:00.000Z',
      categories: [{ slug: 'postgresql', name: 'PostgreSQL' }],
      snippet: 'Streaming <mark>replication</mark> &lt;needs&gt; a <mark>postgres</mark> standby',
      score: 7.5,
    });
    expect(results.terms).toEqual({
      typed: 'postgress replicaton',
      used: ['postgres replication'],
      correctedTo: 'postgres replication',
    });
    expect(results.debug?.strategy).toBe('phrase');
    // One post: comments are blended in, asked with the same plan.
    expect(requests[2]?.path).toBe('/inkwell-comments/_search');
  });

  it('counts up to 1,000 hits, like the PostgreSQL engine, and reports more as "at least"', async () => {
    mock.add(
      { method: 'POST', path: '/inkwell-posts,inkwell-comments/_search' },
      record(suggestResponse),
    );
    mock.add(
      { method: 'POST', path: '/inkwell-posts/_search' },
      record({
        ...postsResponse,
        hits: { ...postsResponse.hits, total: { value: 1000, relation: 'gte' } },
      }),
    );

    const results = await engine.search({ q: 'postgress replicaton' });

    expect((requests[1]?.body as Body).track_total_hits).toBe(1000);
    expect(results.total).toEqual({ value: 1000, relation: 'gte' });
    // Posts fill the page: no comments are asked for.
    expect(requests).toHaveLength(2);
  });

  it('corrects an unknown 3-letter word, keeps a known one, and breaks ties by titles', async () => {
    const entry = (text: string, options: { text: string; score: number; freq: number }[]) => ({
      text,
      offset: 0,
      length: text.length,
      options,
    });
    mock.add(
      { method: 'POST', path: '/inkwell-posts,inkwell-comments/_search' },
      record({
        ...emptyHits,
        aggregations: {
          indexed: {
            buckets: { qss: { doc_count: 0 }, ajv: { doc_count: 1 }, cros: { doc_count: 0 } },
          },
        },
        suggest: {
          title: [entry('cros', [{ text: 'cors', score: 0.75, freq: 2 }])],
          body: [
            entry('qss', [{ text: 'css', score: 0.6666666, freq: 5 }]),
            entry('ajv', [{ text: 'ajax', score: 0.6666666, freq: 4 }]),
            entry('cros', [
              { text: 'cross', score: 0.75, freq: 9 },
              { text: 'cors', score: 0.75, freq: 2 },
            ]),
          ],
        },
      }),
    );
    mock.add({ method: 'POST', path: '/inkwell-posts/_search' }, record(emptyHits));
    mock.add({ method: 'POST', path: '/inkwell-comments/_search' }, record(emptyHits));

    const results = await engine.search({ q: 'qss ajv cros', debug: true });

    expect(results.debug?.suggestions).toEqual({
      qss: [{ text: 'css', score: 0.6666666, freq: 5, inTitle: false }],
      // `ajv` is in a document: a known short word is meant as typed.
      // `cors` is in a title, `cross` only in bodies, though more common.
      cros: [
        // Nor is either found with `ajv` (the mock's answer has no context buckets).
        { text: 'cors', score: 0.75, freq: 2, inTitle: true, withContext: false },
        { text: 'cross', score: 0.75, freq: 9, inTitle: false, withContext: false },
      ],
    });
  });

  it('asks which equally close alternatives a document holds with the other words', async () => {
    const option = (text: string, freq: number) => ({ text, score: 0.857, freq });
    const entry = (options: { text: string; score: number; freq: number }[]) => [
      { text: 'deleyed', offset: 0, length: 7, options },
    ];
    mock.add(
      { method: 'POST', path: '/inkwell-posts,inkwell-comments/_search' },
      record((body) =>
        (body as Body).suggest === undefined
          ? {
              ...emptyHits,
              aggregations: { context: { buckets: { 0: { doc_count: 0 }, 1: { doc_count: 3 } } } },
            }
          : {
              ...emptyHits,
              aggregations: {
                indexed: { buckets: { deleyed: { doc_count: 0 }, rows: { doc_count: 12 } } },
              },
              suggest: {
                title: entry([option('delayed', 1)]),
                body: entry([option('deleted', 8), option('delayed', 1)]),
              },
            },
      ),
    );
    mock.add({ method: 'POST', path: '/inkwell-posts/_search' }, record(emptyHits));
    mock.add({ method: 'POST', path: '/inkwell-comments/_search' }, record(emptyHits));

    const results = await engine.search({ q: 'deleyed rows', debug: true });

    const holding = (query: string): Body => ({
      multi_match: { query, fields: ['title', 'body'] },
    });
    // Ties in their order so far: delayed (a title word), then deleted.
    expect(requests[1]?.body).toEqual({
      size: 0,
      aggs: {
        context: {
          filters: {
            filters: {
              0: { bool: { filter: [holding('delayed'), holding('rows')] } },
              1: { bool: { filter: [holding('deleted'), holding('rows')] } },
            },
          },
        },
      },
    });
    expect(results.debug?.suggestions.deleyed?.map((o) => [o.text, o.withContext])).toEqual([
      ['deleted', true],
      ['delayed', false],
    ]);
    expect(results.debug?.candidates[1]?.text).toBe('deleted rows');
  });

  it('does not complete a last word the index holds as typed', async () => {
    mock.add(
      { method: 'POST', path: '/inkwell-posts,inkwell-comments/_search' },
      record({
        ...emptyHits,
        aggregations: { indexed: { buckets: { tokio: { doc_count: 7 } } } },
        suggest: { title: [], body: [] },
      }),
    );
    mock.add({ method: 'POST', path: '/inkwell-posts/_search' }, record(emptyHits));
    mock.add({ method: 'POST', path: '/inkwell-comments/_search' }, record(emptyHits));
    const results = await engine.search({ q: 'tokio', debug: true });
    expect(results.debug?.candidates.map((candidate) => candidate.source)).toEqual(['typed']);
  });

  it('falls back to an any-word match without stop words, with the category filter', async () => {
    mock.add(
      { method: 'POST', path: '/inkwell-posts,inkwell-comments/_search' },
      record({ ...emptyHits, suggest: { title: [], body: [] } }),
    );
    mock.add({ method: 'POST', path: '/inkwell-posts/_search' }, record(emptyHits));

    const results = await engine.search({ q: 'the tokio and channels category:rust', debug: true });

    const fallback = requests[2]?.body as {
      query: { bool: { should: Body[]; filter: unknown[] } };
    };
    // The last word also counts as the start of a longer one: `channelsets` would match.
    expect(fallback.query.bool.should).toEqual([
      {
        match: {
          title: { query: 'tokio channels', boost: 4.4, _name: 'c0:title', operator: 'or' },
        },
      },
      {
        match: { body: { query: 'tokio channels', boost: 2.2, _name: 'c0:body', operator: 'or' } },
      },
      { match_bool_prefix: { title: { query: 'tokio channels', boost: 2, _name: 'c1:title' } } },
      { match_bool_prefix: { body: { query: 'tokio channels', boost: 1, _name: 'c1:body' } } },
    ]);
    expect(fallback.query.bool.filter).toEqual([{ term: { 'categories.slug': 'rust' } }]);
    expect(results.debug?.strategiesTried).toEqual(['phrase', 'any-word']);
    expect(results.category).toBe('rust');
    expect(requests).toHaveLength(3);
  });

  it('sends nasty input as match text, never as query syntax, and never an empty should', async () => {
    mock.add(
      { method: 'POST', path: '/inkwell-posts,inkwell-comments/_search' },
      record({ ...emptyHits, suggest: {} }),
    );
    mock.add({ method: 'POST', path: '/inkwell-posts/_search' }, record(emptyHits));
    mock.add({ method: 'POST', path: '/inkwell-comments/_search' }, record(emptyHits));
    for (const q of NASTY_QUERIES) {
      requests = [];
      const results = await engine.search({ q });
      expect(results.total.value).toBe(0);
      for (const request of requests.filter(
        (r) => r.path !== '/inkwell-posts,inkwell-comments/_search',
      )) {
        const body = JSON.stringify(request.body);
        expect(body).not.toContain('query_string');
        expect(body).toContain('"minimum_should_match":1');
        expect(
          (request.body as { query: { bool: { should: unknown[] } } }).query.bool.should.length,
        ).toBeGreaterThan(0);
      }
    }
    await expect(engine.search({ q: '' })).rejects.toBeInstanceOf(SearchValidationError);
  });

  it('reindexes into timestamped indices and swaps both aliases atomically', async () => {
    mock.add(
      { method: 'PUT', path: '/:index' },
      record({ acknowledged: true, shards_acknowledged: true, index: 'x' }),
    );
    mock.add({ method: 'POST', path: '/_bulk' }, record({ took: 3, errors: false, items: [] }));
    mock.add(
      { method: ['GET', 'POST'], path: '/:index/_refresh' },
      record({ _shards: { total: 2, successful: 2, failed: 0 } }),
    );
    mock.add(
      { method: 'GET', path: '/_alias/inkwell-posts,inkwell-comments' },
      record({
        'inkwell-posts-old': { aliases: { 'inkwell-posts': {} } },
        'inkwell-comments-old': { aliases: { 'inkwell-comments': {} } },
      }),
    );
    mock.add({ method: 'POST', path: '/_aliases' }, record({ acknowledged: true }));
    mock.add(
      { method: 'DELETE', path: '/inkwell-posts-old,inkwell-comments-old' },
      record({ acknowledged: true }),
    );

    const progress = await engine.reindex(
      iterate([
        {
          kind: 'post',
          id: 1,
          slug: 'a',
          title: 'A **title**',
          body: '# Heading\n\nBody',
          summary: '',
          categories: [{ slug: 'rust', name: 'Rust' }],
          publishedAt: '2024-01-01T00:00:00Z',
        },
        {
          kind: 'comment',
          id: 9,
          postId: 1,
          postSlug: 'a',
          postTitle: 'A title',
          body: 'Nice _post_',
        },
      ]),
    );

    expect(progress).toEqual({ posts: 1, comments: 1 });
    const created = requests.filter((r) => r.method === 'PUT');
    expect(created.map((r) => r.path)).toEqual([
      '/inkwell-posts-20261126t100000000z',
      '/inkwell-comments-20261126t100000000z',
    ]);
    // Identifiers whole and in parts: the tokens the PostgreSQL engine indexes, by
    // Elasticsearch's own filters (see IDENTIFIER_PATTERN and identifierTokens).
    expect(created[0]?.body).toMatchObject({
      settings: {
        analysis: {
          tokenizer: { identifiers: { type: 'pattern', pattern: IDENTIFIER_PATTERN, group: 0 } },
          filter: {
            identifier_parts_index: {
              type: 'word_delimiter_graph',
              preserve_original: true,
              catenate_all: true,
              split_on_case_change: true,
              split_on_numerics: false,
            },
            identifier_parts_search: {
              type: 'word_delimiter_graph',
              preserve_original: true,
              catenate_all: false,
            },
            identifier_words: { preserve_original: false, catenate_all: true },
          },
          analyzer: {
            english_identifiers: {
              tokenizer: 'identifiers',
              filter: [
                'identifier_parts_index',
                'flatten_graph',
                'lowercase',
                'english_possessive_stemmer',
                'english_stop',
                'english_stemmer',
              ],
            },
            english_identifiers_search: {
              tokenizer: 'identifiers',
              filter: expect.arrayContaining(['identifier_parts_search', 'english_stemmer']),
            },
            identifier_words: {
              filter: ['identifier_words', 'flatten_graph', 'lowercase'],
            },
          },
        },
      },
      mappings: {
        properties: {
          title: {
            type: 'text',
            analyzer: 'english_identifiers',
            search_analyzer: 'english_identifiers_search',
            fields: { spell: { type: 'text', analyzer: 'identifier_words' } },
          },
          categories: { properties: { slug: { type: 'keyword' } } },
          published_at: { type: 'date' },
        },
      },
    });
    expect(requests.find((r) => r.path === '/_bulk')?.body).toEqual([
      { index: { _index: 'inkwell-posts-20261126t100000000z', _id: '1' } },
      {
        title: 'A title',
        body: 'Heading\n\nBody',
        // Completion inputs: title words weigh twice the others.
        words: [
          { input: ['title'], weight: 2 },
          { input: ['heading', 'body'], weight: 1 },
        ],
        slug: 'a',
        categories: [{ slug: 'rust', name: 'Rust' }],
        published_at: '2024-01-01T00:00:00.000Z',
      },
      { index: { _index: 'inkwell-comments-20261126t100000000z', _id: '9' } },
      {
        body: 'Nice post',
        words: [{ input: ['nice', 'post'], weight: 1 }],
        post_id: 1,
        post_slug: 'a',
        post_title: 'A title',
        created_at: null,
      },
    ]);
    expect(requests.find((r) => r.path === '/_aliases')?.body).toEqual({
      actions: [
        { remove: { index: 'inkwell-posts-old', alias: 'inkwell-posts' } },
        { remove: { index: 'inkwell-comments-old', alias: 'inkwell-comments' } },
        { add: { index: 'inkwell-posts-20261126t100000000z', alias: 'inkwell-posts' } },
        { add: { index: 'inkwell-comments-20261126t100000000z', alias: 'inkwell-comments' } },
      ],
    });
    expect(requests.at(-1)).toMatchObject({
      method: 'DELETE',
      path: '/inkwell-posts-old,inkwell-comments-old',
    });
  });

  it('reindexes over a half-made first setup, where only the posts alias exists', async () => {
    mock.add({ method: 'PUT', path: '/:index' }, record({ acknowledged: true }));
    mock.add({ method: 'POST', path: '/_bulk' }, record({ took: 1, errors: false, items: [] }));
    mock.add({ method: ['GET', 'POST'], path: '/:index/_refresh' }, record({ _shards: {} }));
    // A server missing one of the names answers 404 with what it found beside the error.
    mock.add({ method: 'GET', path: '/_alias/inkwell-posts,inkwell-comments' }, () =>
      errorResponse(404, {
        error: 'alias [inkwell-comments] missing',
        status: 404,
        'inkwell-posts-old': { aliases: { 'inkwell-posts': {} } },
      }),
    );
    mock.add({ method: 'POST', path: '/_aliases' }, record({ acknowledged: true }));
    mock.add({ method: 'DELETE', path: '/:index' }, record({ acknowledged: true }));

    await engine.reindex(iterate([]));

    expect(requests.find((r) => r.path === '/_aliases')?.body).toEqual({
      actions: [
        { remove: { index: 'inkwell-posts-old', alias: 'inkwell-posts' } },
        { add: { index: 'inkwell-posts-20261126t100000000z', alias: 'inkwell-posts' } },
        { add: { index: 'inkwell-comments-20261126t100000000z', alias: 'inkwell-comments' } },
      ],
    });
    expect(requests.at(-1)).toMatchObject({ method: 'DELETE', path: '/inkwell-posts-old' });
  });

  it('fails a reindex when a bulk item fails, before swapping aliases', async () => {
    mock.add({ method: 'PUT', path: '/:index' }, record({ acknowledged: true }));
    mock.add(
      { method: 'POST', path: '/_bulk' },
      record({
        took: 1,
        errors: true,
        items: [
          {
            index: {
              _index: 'x',
              _id: '1',
              status: 400,
              error: { type: 'mapper_parsing_exception', reason: 'bad date' },
            },
          },
        ],
      }),
    );
    await expect(
      engine.reindex(
        iterate([{ kind: 'comment', id: 1, postId: 1, postSlug: 'a', postTitle: 'A', body: 'x' }]),
      ),
    ).rejects.toThrow('bad date');
    expect(requests.some((r) => r.path === '/_aliases')).toBe(false);
  });

  it('creates the first indices behind their aliases on setup, once', async () => {
    // No mock for HEAD /_alias/inkwell-posts: the mock answers 404, as a server without the alias.
    mock.add({ method: 'PUT', path: '/:index' }, record({ acknowledged: true }));
    await engine.setup();
    expect(requests.map((r) => r.body)).toEqual([
      expect.objectContaining({ aliases: { 'inkwell-posts': {} } }),
      expect.objectContaining({ aliases: { 'inkwell-comments': {} } }),
    ]);
    mock.clearAll();
    requests = [];
    mock.add({ method: 'HEAD', path: '/_alias/inkwell-posts' }, () => '');
    mock.add({ method: 'PUT', path: '/:index/_mapping' }, record({ acknowledged: true }));
    await engine.setup();
    // Existing indices only get the fields added since they were made.
    expect(requests.map((r) => [r.method, r.path])).toEqual([
      ['PUT', '/inkwell-posts/_mapping'],
      ['PUT', '/inkwell-comments/_mapping'],
    ]);
    // Only new fields: an existing field's analyzer cannot change in place.
    expect(requests[0]?.body).toEqual({
      properties: { words: { type: 'completion', analyzer: 'keyword' } },
    });
  });

  it('writes through the aliases and removes a post with its comments', async () => {
    mock.add(
      { method: 'PUT', path: '/inkwell-posts/_doc/5' },
      record({ _id: '5', result: 'created' }),
    );
    mock.add(
      { method: 'DELETE', path: '/inkwell-posts/_doc/5' },
      record({ _id: '5', result: 'deleted' }),
    );
    mock.add(
      { method: 'POST', path: '/inkwell-comments/_delete_by_query' },
      record({ deleted: 2 }),
    );
    await engine.indexPost({
      id: 5,
      slug: 's',
      title: 'T',
      body: 'B',
      summary: 'S',
      categories: [],
      publishedAt: new Date('2024-01-01T00:00:00Z'),
    });
    await engine.removePost(5);
    expect(requests[0]?.body).toEqual({
      title: 'T',
      body: 'S\n\nB',
      words: [],
      slug: 's',
      categories: [],
      published_at: '2024-01-01T00:00:00.000Z',
    });
    expect(requests[2]).toMatchObject({
      path: '/inkwell-comments/_delete_by_query',
      body: { query: { term: { post_id: 5 } } },
    });
  });

  it('makes every single-document write visible to searches before it returns', async () => {
    for (const [method, path] of [
      ['PUT', '/inkwell-posts/_doc/5'],
      ['DELETE', '/inkwell-posts/_doc/5'],
      ['PUT', '/inkwell-comments/_doc/9'],
      ['DELETE', '/inkwell-comments/_doc/9'],
    ] as const)
      mock.add({ method, path }, record({ _id: path.slice(-1), result: 'ok' }));
    mock.add(
      { method: 'POST', path: '/inkwell-comments/_delete_by_query' },
      record({ deleted: 0 }),
    );
    await engine.indexPost({
      id: 5,
      slug: 's',
      title: 'T',
      body: 'B',
      summary: 'S',
      categories: [],
      publishedAt: new Date('2024-01-01T00:00:00Z'),
    });
    await engine.indexComment({
      id: 9,
      postId: 5,
      postSlug: 's',
      postTitle: 'T',
      body: 'C',
      createdAt: new Date('2024-01-02T00:00:00Z'),
    });
    await engine.removeComment(9);
    await engine.removePost(5);
    expect(requests.map((r) => [r.method, r.path, r.querystring])).toEqual([
      ['PUT', '/inkwell-posts/_doc/5', { refresh: 'wait_for' }],
      ['PUT', '/inkwell-comments/_doc/9', { refresh: 'wait_for' }],
      ['DELETE', '/inkwell-comments/_doc/9', { refresh: 'wait_for' }],
      ['DELETE', '/inkwell-posts/_doc/5', { refresh: 'wait_for' }],
      // _delete_by_query has no wait_for: it refreshes once the deletions are done.
      ['POST', '/inkwell-comments/_delete_by_query', { refresh: 'true' }],
    ]);
  });

  it('suggests as you type: titles by prefix filters, words from the completion suggester', async () => {
    mock.add(
      { method: 'POST', path: '/inkwell-posts/_search' },
      record({
        took: 1,
        timed_out: false,
        _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
        hits: {
          total: { value: 1, relation: 'eq' },
          max_score: null,
          hits: [
            {
              _index: 'inkwell-posts-20261126t100000000z',
              _id: '12',
              _score: null,
              _source: { slug: 'cancel-fetch', title: 'Cancelling fetch with AbortController' },
              sort: [1709287200000],
            },
          ],
        },
      }),
    );
    mock.add(
      { method: 'POST', path: '/inkwell-posts,inkwell-comments/_search' },
      record({
        took: 1,
        timed_out: false,
        _shards: { total: 2, successful: 2, skipped: 0, failed: 0 },
        hits: { total: { value: 0, relation: 'eq' }, max_score: null, hits: [] },
        suggest: {
          words: [
            {
              text: 'abortcon',
              offset: 0,
              length: 8,
              options: [
                { text: 'abortcontroller', _index: 'x', _id: '12', _score: 2 },
                { text: 'abortconsole', _index: 'x', _id: '3', _score: 1 },
              ],
            },
          ],
        },
      }),
    );

    const results = await engine.suggest({ q: 'Fetch abortcon' });

    // Both lookups are sent side by side: told apart by their index.
    const sentTo = (path: string) => requests.find((r) => r.path === path)?.body;
    expect(sentTo('/inkwell-posts/_search')).toEqual({
      size: 30,
      query: {
        bool: {
          filter: [
            { prefix: { 'title.spell': { value: 'fetch' } } },
            { prefix: { 'title.spell': { value: 'abortcon' } } },
          ],
        },
      },
      sort: [{ published_at: { order: 'desc', missing: '_last' } }],
      _source: ['slug', 'title'],
    });
    expect(sentTo('/inkwell-posts,inkwell-comments/_search')).toEqual({
      size: 0,
      suggest: {
        words: {
          prefix: 'abortcon',
          completion: { field: 'words', size: 8, skip_duplicates: true },
        },
      },
    });
    expect(results).toEqual({
      q: 'Fetch abortcon',
      completions: [
        { word: 'abortcontroller', query: 'Fetch abortcontroller' },
        { word: 'abortconsole', query: 'Fetch abortconsole' },
      ],
      posts: [{ slug: 'cancel-fetch', title: 'Cancelling fetch with AbortController' }],
    });
    await expect(engine.suggest({ q: 'x'.repeat(101) })).rejects.toMatchObject({ field: 'q' });
  });

  it('reports health from both aliases', async () => {
    mock.add({ method: ['GET', 'POST'], path: '/inkwell-posts/_count' }, () => ({
      count: 35,
      _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
    }));
    mock.add({ method: ['GET', 'POST'], path: '/inkwell-comments/_count' }, () => ({
      count: 52,
      _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
    }));
    expect(await engine.health()).toEqual({
      engine: 'elasticsearch',
      ok: true,
      posts: 35,
      comments: 52,
    });
  });
});
