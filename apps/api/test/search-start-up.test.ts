import { Client } from '@elastic/elasticsearch';
import {
  applyMigrations,
  openDatabase,
  readMigrations,
  seedDemoContent,
  type Database,
} from '@inkwell/prisma';
import { createScratchPostgresDatabase, type ScratchDatabase } from '@inkwell/prisma/testing';
import { createElasticsearchSearchEngine, createPostgresSearchEngine } from '@inkwell/search';
import { ClientMock, errorResponse } from '@inkwell/search/testing';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { prepareSearchIndex } from '../src/search/prepare-search-index.js';
import { buildFixtureContent } from './fixtures.js';

/*
 * Two API processes starting at once on one database: each has its own pool, as two processes
 * would, and both prepare the search index at the same moment.
 */
let scratch: ScratchDatabase;
let processes: Database[];

async function startTwoProcesses(seeded: boolean): Promise<void> {
  scratch = await createScratchPostgresDatabase('inkwell_search_start');
  const setup = await openDatabase({ databaseUrl: scratch.url, dataDir: '' });
  try {
    await setup.withScriptRunner(async (runner) => applyMigrations(runner, await readMigrations()));
    if (seeded) await seedDemoContent(setup.prisma, buildFixtureContent());
  } finally {
    await setup.close();
  }
  processes = await Promise.all(
    [0, 1].map(() => openDatabase({ databaseUrl: scratch.url, dataDir: '' })),
  );
}

afterEach(async () => {
  await Promise.all(processes.map((db) => db.close()));
  await scratch.drop();
});

describe('two first starts at once on PostgreSQL search', () => {
  beforeEach(() => startTwoProcesses(true));

  test('leave one complete index: every post and comment once, nothing lost', async () => {
    const engines = processes.map((db) => createPostgresSearchEngine(db.sql));
    const done = await Promise.all(processes.map((db, i) => prepareSearchIndex(engines[i]!, db)));

    // One of them built the index; the other waited and found it filled.
    expect(done.filter((progress) => progress !== null)).toEqual([{ posts: 60, comments: 102 }]);
    for (const engine of engines) {
      expect(await engine.health()).toMatchObject({ ok: true, posts: 60, comments: 102 });
    }
    const { rows } = await processes[0]!.sql.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM search_document',
    );
    expect(rows[0]?.count).toBe(60 + 102);
    const found = await engines[1]!.search({ q: 'Post number 42', pageSize: 1 });
    expect(found.hits[0]).toMatchObject({ kind: 'post', slug: 'post-42' });
  });
});

describe('two first starts at once on Elasticsearch search', () => {
  beforeEach(() => startTwoProcesses(false));

  test('create one index behind each alias', async () => {
    // A server's index list, shared by both processes' clients.
    const created: { index: string; aliases: string[] }[] = [];
    const mock = new ClientMock();
    mock.add({ method: 'HEAD', path: '/_alias/:name' }, (params) => {
      const name = String(params.path).split('/').at(-1)!;
      return created.some(({ aliases }) => aliases.includes(name)) ? '' : errorResponse(404, {});
    });
    mock.add({ method: 'PUT', path: '/:index' }, (params) => {
      const body = params.body as { aliases?: Record<string, unknown> };
      const index = String(params.path).slice(1);
      created.push({ index, aliases: Object.keys(body.aliases ?? {}) });
      return { acknowledged: true, shards_acknowledged: true, index };
    });
    mock.add({ method: ['GET', 'POST'], path: '/:index/_count' }, () => ({ count: 0 }));
    mock.add({ method: 'PUT', path: '/:index/_mapping' }, () => ({ acknowledged: true }));
    let tick = 0;
    const engines = processes.map(() =>
      createElasticsearchSearchEngine({
        client: new Client({ node: 'http://localhost:9200', Connection: mock.getConnection() }),
        // Distinct clocks, as two machines have: each would name its own new index.
        now: () => new Date(Date.UTC(2026, 10, 26, 10, 0, 0, tick++)),
      }),
    );

    await Promise.all(processes.map((db, i) => prepareSearchIndex(engines[i]!, db)));

    expect(created.flatMap(({ aliases }) => aliases).sort()).toEqual([
      'inkwell-comments',
      'inkwell-posts',
    ]);
  });
});
