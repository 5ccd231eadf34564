import { type SqlClient } from './sql-client.js';

/**
 * The engine's own tables. The index is derived data, rebuilt from posts and comments by
 * `reindex`, so it lives outside the Prisma migrations, like an Elasticsearch index would.
 * Rows carry a generation: a reindex writes the next generation, then flips
 * `search_state.generation` in one statement, so readers never see a half-built index.
 */
const STATEMENTS = [
  'CREATE EXTENSION IF NOT EXISTS pg_trgm',
  `CREATE TABLE IF NOT EXISTS search_state (
    id int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    generation int NOT NULL
  )`,
  'INSERT INTO search_state (id, generation) VALUES (1, 1) ON CONFLICT (id) DO NOTHING',
  `CREATE TABLE IF NOT EXISTS search_document (
    generation int NOT NULL,
    kind text NOT NULL CHECK (kind IN ('post', 'comment')),
    source_id int NOT NULL,
    post_id int NOT NULL,
    slug text NOT NULL,
    title text NOT NULL,
    body text NOT NULL,
    categories jsonb NOT NULL DEFAULT '[]',
    category_slugs text[] NOT NULL DEFAULT '{}',
    published_at timestamptz,
    words text[] NOT NULL,
    vec tsvector NOT NULL,
    PRIMARY KEY (generation, kind, source_id)
  )`,
  'CREATE INDEX IF NOT EXISTS search_document_vec_idx ON search_document USING gin (vec)',
  'CREATE INDEX IF NOT EXISTS search_document_post_idx ON search_document (generation, post_id)',
  `CREATE TABLE IF NOT EXISTS search_term (
    generation int NOT NULL,
    word text NOT NULL,
    doc_count int NOT NULL,
    PRIMARY KEY (generation, word)
  )`,
  'CREATE INDEX IF NOT EXISTS search_term_word_trgm_idx ON search_term USING gin (word gin_trgm_ops)',
];

export async function createSearchSchema(db: SqlClient): Promise<void> {
  for (const statement of STATEMENTS) await db.query(statement);
}

/** The generation readers and incremental writes use, as a scalar subquery. */
export const ACTIVE_GENERATION = '(SELECT generation FROM search_state WHERE id = 1)';
