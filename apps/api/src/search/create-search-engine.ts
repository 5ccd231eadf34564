import { Client } from '@elastic/elasticsearch';
import { type Database } from '@inkwell/prisma';
import {
  createElasticsearchSearchEngine,
  createPostgresSearchEngine,
  type SearchEngine,
} from '@inkwell/search';

/** Elasticsearch when ELASTICSEARCH_URL is set, else the database's own full-text search. */
export function createSearchEngine(
  elasticsearchUrl: string | undefined,
  db: Database,
): SearchEngine {
  if (elasticsearchUrl) {
    return createElasticsearchSearchEngine({
      client: new Client({ node: elasticsearchUrl, requestTimeout: 5_000, maxRetries: 1 }),
    });
  }
  return createPostgresSearchEngine(db.sql);
}
