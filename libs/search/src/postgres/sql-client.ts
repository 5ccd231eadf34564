/**
 * The one database capability the PostgreSQL engine needs. A `pg` Pool and a PGlite instance
 * both satisfy it as they are; every statement is a single parameterised query, so no
 * transaction has to span calls (a Pool would run them on different connections).
 */
export interface SqlClient {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}
