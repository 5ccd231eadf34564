import { type SearchEngine, type SearchHealth } from '../engine.js';
import { runSearch } from '../query/run-search.js';
import { runSuggest } from '../query/run-suggest.js';
import { commentRow, postRow } from './document-rows.js';
import { deleteDocuments, upsertDocument } from './document-writes.js';
import { postgresBackend } from './postgres-backend.js';
import { postgresPrefixLookups } from './prefix-lookups.js';
import { reindexDocuments } from './reindex.js';
import { ACTIVE_GENERATION, createSearchSchema } from './schema.js';
import { type SqlClient } from './sql-client.js';

/**
 * Full-text search inside the application's own PostgreSQL (or PGlite) database: no extra
 * service to run. `db` is a `pg` Pool or a PGlite instance created with the pg_trgm extension.
 */
export function createPostgresSearchEngine(db: SqlClient): SearchEngine {
  const backend = postgresBackend(db);
  const prefixLookups = postgresPrefixLookups(db);
  return {
    setup: () => createSearchSchema(db),
    indexPost: (doc) => upsertDocument(db, postRow(doc)),
    removePost: (id) => deleteDocuments(db, 'post', id),
    indexComment: (doc) => upsertDocument(db, commentRow(doc)),
    removeComment: (id) => deleteDocuments(db, 'comment', id),
    reindex: (docs, onProgress) => reindexDocuments(db, docs, onProgress),
    search: (input) => runSearch(backend, input),
    suggest: (input) => runSuggest(prefixLookups, input),

    async health(): Promise<SearchHealth> {
      try {
        const { rows } = await db.query(
          `SELECT count(*) FILTER (WHERE kind = 'post')::int AS posts, count(*) FILTER (WHERE kind = 'comment')::int AS comments
           FROM search_document WHERE generation = ${ACTIVE_GENERATION}`,
        );
        return {
          engine: 'postgres',
          ok: true,
          posts: Number(rows[0]?.posts ?? 0),
          comments: Number(rows[0]?.comments ?? 0),
        };
      } catch (error) {
        return {
          engine: 'postgres',
          ok: false,
          posts: 0,
          comments: 0,
          detail: (error as Error).message,
        };
      }
    },
  };
}
