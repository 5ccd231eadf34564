/**
 * The smallest SQL surface Inkwell needs outside Prisma (migrations, search index, health
 * checks). A pg Pool and a PGlite instance both satisfy `query`; `exec` runs a multi-statement
 * script (migrations).
 */
export interface SqlClient {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>;
}

export interface ScriptRunner extends SqlClient {
  /** Runs a script of several statements in one round trip, inside the caller's transaction. */
  exec(script: string): Promise<void>;
}
