export * from './engine.js';
export { SearchValidationError, type SearchInputField } from './errors.js';
export { MAX_QUERY_LENGTH, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './query/parse-input.js';
export { MAX_SUGGEST_LENGTH } from './query/parse-suggest.js';
export { createPostgresSearchEngine } from './postgres/postgres-engine.js';
export { type SqlClient } from './postgres/sql-client.js';
export {
  createElasticsearchSearchEngine,
  type ElasticsearchEngineOptions,
} from './elasticsearch/elasticsearch-engine.js';
export { POSTS_MAPPINGS, COMMENTS_MAPPINGS } from './elasticsearch/index-definitions.js';
