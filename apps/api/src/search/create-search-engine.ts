import { type Database } from '@inkwell/prisma';
import {
  createElasticsearchSearchEngine,
  createPostgresSearchEngine,
  type SearchEngine,
} from '@inkwell/search';

/**
 * Elasticsearch when ELASTICSEARCH_URL is set, else the database's own full-text search. The
 * Elasticsearch client (and its HTTP stack, tens of MiB) is loaded only when it is used.
 */
export async function createSearchEngine(
  elasticsearchUrl: string | undefined,
  db: Database,
): Promise<SearchEngine> {
  if (elasticsearchUrl) {
    const { Client } = await import('@elastic/elasticsearch');
    return createElasticsearchSearchEngine({
      client: new Client({ node: elasticsearchUrl, requestTimeout: 5_000, maxRetries: 1 }),
    });
  }
  return createPostgresSearchEngine(db.sql);
}
