import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import { PrismaClient } from '../generated/client/client.js';
import { connectToOwner, DatabaseOwnedError } from './embedded/connect-to-owner.js';
import { SOCKET_PORT, startEmbeddedOwner, type EmbeddedOwner } from './embedded/embedded-owner.js';
import { createMemoryPGlite } from './memory-cluster.js';
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
  /**
   * Cancels a statement of `prisma` or `sql` that runs (or waits for a lock) longer than this,
   * with PostgreSQL's error 57014. Unset or 0: no limit. `withScriptRunner` is exempt.
   */
  statementTimeoutMs?: number;
  /**
   * The API server: own the embedded database or refuse to start. Without it (command-line
   * tasks) a process uses the running owner, or becomes the owner for its own run.
   */
  requireOwnership?: boolean;
  /**
   * How often the embedded database's owner checks whether statistics need refreshing; default
   * one minute, autovacuum's own naptime, so an import or a bulk write is analyzed within it.
   */
  maintenanceIntervalMs?: number;
  /** Notices from the embedded database's owner (restarts, maintenance). */
  log?: (message: string) => void;
}

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Raw SQL outside Prisma: search index, health checks. */
  sql: SqlClient;
  /** Runs `work` on one dedicated connection that can run multi-statement scripts. */
  withScriptRunner<T>(work: (runner: ScriptRunner) => Promise<T>): Promise<T>;
  /**
   * Runs `work` on one dedicated `pg` connection without the statement timeout (streams such as
   * `COPY ... TO STDOUT` for backups). Not available for `memory://`, which has no socket.
   */
  withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T>;
  /** The embedded database's owner, when this process is it. */
  owner: EmbeddedOwner | null;
  close(): Promise<void>;
}

export { DatabaseOwnedError };

const DEFAULT_MAINTENANCE_INTERVAL_MS = 60_000;

/**
 * PostgreSQL at `databaseUrl`; otherwise the embedded PGlite database in `dataDir`, reached
 * through its one owner process over a Unix socket (see docs/decisions/0007).
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    return openPostgres({ connectionString: options.databaseUrl }, 'postgres', null, options);
  }
  if (options.dataDir === 'memory://') return openInMemoryPGlite(options);
  return openEmbedded(options.dataDir, options);
}

async function openEmbedded(dataDir: string, options: DatabaseOptions): Promise<Database> {
  const started = await startEmbeddedOwner(dataDir, {
    maintenanceIntervalMs: options.maintenanceIntervalMs ?? DEFAULT_MAINTENANCE_INTERVAL_MS,
    log: options.log ?? (() => {}),
  });
  let owner: EmbeddedOwner | null = null;
  let socketDir: string;
  if ('owner' in started) {
    owner = started.owner;
    socketDir = owner.socketDir;
  } else {
    if (options.requireOwnership) throw new DatabaseOwnedError(dataDir, started.ownedBy, 'refuse');
    await connectToOwner(dataDir, started.ownedBy);
    socketDir = started.ownedBy.socketDir;
  }
  try {
    return await openPostgres(
      { host: socketDir, port: SOCKET_PORT, user: 'postgres', database: 'postgres' },
      'pglite',
      owner,
      options,
    );
  } catch (error) {
    await owner?.close();
    throw error;
  }
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
  return prisma;
}

/** Each caller of SqlClient names its row type; pg wants it to be a QueryResultRow too. */
function pgQuery(target: pg.Pool | pg.Client): SqlClient['query'] {
  return <Row>(text: string, params?: unknown[]) =>
    target.query<Row & pg.QueryResultRow>(text, params);
}

/** Tests and benchmarks: a throwaway PGlite in this process, which nobody else can open. */
async function openInMemoryPGlite(options: DatabaseOptions): Promise<Database> {
  const pglite = await createMemoryPGlite({ pg_trgm });
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
    withClient: () => Promise.reject(new Error('A memory:// database has no connection to open')),
    owner: null,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

async function openPostgres(
  connection: pg.ClientConfig,
  kind: DatabaseKind,
  owner: EmbeddedOwner | null,
  options: DatabaseOptions,
): Promise<Database> {
  const timeout = options.statementTimeoutMs ?? 0;
  const pool = new pg.Pool({
    ...connection,
    max: options.poolSize ?? 10,
    // PostgreSQL enforces it; so does the embedded database's owner, which reads the same option.
    ...(timeout > 0 ? { options: `-c statement_timeout=${timeout}` } : {}),
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const prisma = createPrisma(new PrismaPg(pool), options.onQuery);
  const withClient = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client(connection);
    client.on('error', () => {});
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    kind,
    prisma,
    sql: { query: pgQuery(pool) },
    // Migrations, reindexing and backups may take long: their own connection, without the timeout.
    withScriptRunner: (work) =>
      withClient((client) =>
        work({
          query: pgQuery(client),
          exec: async (script) => {
            await client.query(script);
          },
        }),
      ),
    withClient,
    owner,
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
      await owner?.close();
    },
  };
}
