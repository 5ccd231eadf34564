import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import { PrismaClient } from '../generated/client/client.js';
import { type ScriptRunner, type SqlClient } from './sql-client.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseOptions {
  /** postgresql://... to use a PostgreSQL server; unset for the embedded PGlite database. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files (`<dataDir>/pglite`); `memory://` keeps it in memory. */
  dataDir: string;
  /** Called with every SQL statement Prisma sends (query counting, debugging). */
  onQuery?: (sql: string) => void;
  /** Connections in the PostgreSQL pool. */
  poolSize?: number;
}

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Raw SQL outside Prisma: search index, health checks. */
  sql: SqlClient;
  /** Runs `work` on one dedicated connection that can run multi-statement scripts. */
  withScriptRunner<T>(work: (runner: ScriptRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options)
    : openPGlite(options.dataDir, options);
}

function createPrisma(
  adapter: PrismaPg | PrismaPGlite,
  onQuery?: (sql: string) => void,
): PrismaClient {
  if (!onQuery) return new PrismaClient({ adapter });
  const prisma = new PrismaClient({
    adapter,
    log: [{ level: 'query' as const, emit: 'event' as const }],
  });
  prisma.$on('query', (event) => onQuery(event.query));
  return prisma as unknown as PrismaClient;
}

/** pg types rows as QueryResultRow; callers of SqlClient name their own row type. */
function pgQuery(target: pg.Pool | pg.PoolClient): SqlClient['query'] {
  return <Row>(text: string, params?: unknown[]) =>
    target.query(text, params) as unknown as Promise<{ rows: Row[] }>;
}

async function openPGlite(dataDir: string, options: DatabaseOptions): Promise<Database> {
  const location = dataDir === 'memory://' ? dataDir : path.join(dataDir, 'pglite');
  if (location !== 'memory://') await mkdir(location, { recursive: true });
  const pglite = await PGlite.create(location, { extensions: { pg_trgm } });
  const prisma = createPrisma(new PrismaPGlite(pglite), options.onQuery);
  const runner: ScriptRunner = {
    query: (text, params) => pglite.query(text, params),
    exec: async (script) => {
      await pglite.exec(script);
    },
  };
  return {
    kind: 'pglite',
    prisma,
    sql: runner,
    // PGlite is a single connection: every caller already shares it.
    withScriptRunner: (work) => work(runner),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

async function openPostgres(databaseUrl: string, options: DatabaseOptions): Promise<Database> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const prisma = createPrisma(new PrismaPg(pool), options.onQuery);
  return {
    kind: 'postgres',
    prisma,
    sql: { query: pgQuery(pool) },
    withScriptRunner: async (work) => {
      const client = await pool.connect();
      try {
        return await work({
          query: pgQuery(client),
          exec: async (script) => {
            await client.query(script);
          },
        });
      } finally {
        client.release();
      }
    },
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
