import { Client } from '@elastic/elasticsearch';
import { demoCategories } from '@inkwell/prisma/demo-content';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createElasticsearchSearchEngine, type SearchEngine } from '../src/index.js';
import { deleteIndicesByPrefix } from '../src/testing.js';
import { measureRelevance } from './fixtures/measure-relevance.js';
import { OVERALL_THRESHOLD, RELEVANCE_POSTS } from './fixtures/relevance-queries.js';
import { demoDocuments, iterate } from './fixtures/to-documents.js';

// The one test file that reads the environment: it needs a real server, which CI may not have.
const url = process.env.ELASTICSEARCH_URL;

describe.runIf(url !== undefined && url !== '')(
  'Elasticsearch engine against a live server',
  () => {
    const prefix = `inkwell-test-${randomUUID().slice(0, 8)}`;
    let client: Client;
    let engine: SearchEngine;

    beforeAll(async () => {
      client = new Client({ node: url });
      engine = createElasticsearchSearchEngine({ client, indexPrefix: prefix });
      await engine.setup();
      await engine.setup();
      await engine.reindex(iterate(demoDocuments(RELEVANCE_POSTS, demoCategories)));
    });
    afterAll(async () => {
      await deleteIndicesByPrefix(client, `${prefix}-`);
      await client.close();
    });

    it('corrects typos in one query and reports the terms it used', async () => {
      const results = await engine.search({ q: 'postgress replicaton', debug: true });
      expect(results.hits.map((hit) => hit.slug)).toContain(
        'setting-up-postgresql-streaming-replication-on-debian',
      );
      expect(results.terms.correctedTo).not.toBeNull();
    });

    it('finds a word by its start and completes the word being typed', async () => {
      const abort = await engine.search({ q: 'abortcontr' });
      expect(abort.hits[0]?.slug).toBe('cancelling-fetch-requests-with-abortcontroller');
      const suggested = await engine.suggest({ q: 'fetch abortcon' });
      expect(suggested.completions[0]).toEqual({
        word: 'abortcontroller',
        query: 'fetch abortcontroller',
      });
      expect(suggested.posts.map((post) => post.slug)).toEqual([
        'cancelling-fetch-requests-with-abortcontroller',
      ]);
    });

    it('meets the relevance goal on the demo content', async () => {
      const { hitRate } = await measureRelevance(engine);
      expect(hitRate).toBeGreaterThanOrEqual(OVERALL_THRESHOLD);
    });

    it('keeps serving through a reindex and counts documents', async () => {
      await engine.reindex(iterate(demoDocuments(RELEVANCE_POSTS, demoCategories)));
      const health = await engine.health();
      expect(health.ok).toBe(true);
      expect(health.posts).toBe(
        RELEVANCE_POSTS.filter((post) => post.status === 'PUBLISHED').length,
      );
    });
  },
);
