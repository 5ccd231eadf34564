import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { maintainTables } from './maintenance.js';
import { acquireOwnerLock, type OwnerRecord } from './owner-lock.js';
import { PGliteThread } from './pglite-thread.js';
import { WireServer } from './wire-server.js';

/** `pg` connects to `<host>/.s.PGSQL.<port>` when host is a directory. */
export const SOCKET_PORT = 5432;
// sockaddr_un holds 108 bytes on Linux, including the terminating zero.
const MAX_SOCKET_PATH = 107;

export interface OwnerOptions {
  /** How often the owner refreshes planner statistics and vacuums; 0 turns it off. */
  maintenanceIntervalMs: number;
  log: (message: string) => void;
}

export interface EmbeddedOwner {
  socketDir: string;
  /** Runs the maintenance pass now (tests; it also runs on its own every interval). */
  maintain(): Promise<void>;
  close(): Promise<void>;
}

export type OwnerStart = { owner: EmbeddedOwner } | { ownedBy: OwnerRecord };

/**
 * Becomes the one process that opens `<dataDir>/pglite`: takes the owner lock, opens PGlite on a
 * worker thread and serves it on a Unix socket in the data directory. Returns the current owner
 * instead when another live process holds the lock.
 */
export async function startEmbeddedOwner(
  dataDir: string,
  options: OwnerOptions,
): Promise<OwnerStart> {
  await mkdir(dataDir, { recursive: true });
  // Recorded in the lock for processes started elsewhere: an absolute path.
  const socketDir = path.resolve(dataDir);
  const socketPath = path.join(socketDir, `.s.PGSQL.${SOCKET_PORT}`);
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH) {
    throw new Error(
      `DATA_DIR is too long for the embedded database's socket (${socketPath}): ` +
        `keep it under ${MAX_SOCKET_PATH - 14} characters.`,
    );
  }
  const lock = await acquireOwnerLock(dataDir, socketDir);
  if (!lock.acquired) return { ownedBy: lock.owner };
  try {
    const location = path.join(dataDir, 'pglite');
    await mkdir(location, { recursive: true });
    const server = new WireServer(
      await openThread(location),
      async () => {
        options.log('A statement ran past its timeout: restarting the embedded database');
        return PGliteThread.start(location);
      },
      (error) => options.log(`The embedded database stopped answering: ${error.message}`),
    );
    await server.listen(socketPath);
    return { owner: ownerOf(server, socketDir, lock.release, options) };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/**
 * Creating a database (initdb) leaves PGlite's thread holding far more memory than reopening
 * does: a fresh database is closed and reopened once, so the owner idles at its normal size.
 */
async function openThread(location: string): Promise<PGliteThread> {
  if (existsSync(path.join(location, 'PG_VERSION'))) return PGliteThread.start(location);
  await (await PGliteThread.start(location)).close();
  return PGliteThread.start(location);
}

function ownerOf(
  server: WireServer,
  socketDir: string,
  releaseLock: () => Promise<void>,
  options: OwnerOptions,
): EmbeddedOwner {
  let passInFlight: Promise<void> | undefined;
  const runPass = async () => {
    const client = new pg.Client({ host: socketDir, port: SOCKET_PORT, user: 'postgres' });
    // The owner closing under a pass ends its connection: the pass fails, the process goes on.
    client.on('error', () => {});
    await client.connect();
    try {
      const done = await maintainTables(client);
      if (done.analyzed.length + done.vacuumed.length > 0) {
        options.log(
          `Maintenance: analyzed ${done.analyzed.length} table(s), vacuumed ${done.vacuumed.length}`,
        );
      }
    } finally {
      await client.end();
    }
  };
  const maintain = () => {
    passInFlight ??= runPass().finally(() => {
      passInFlight = undefined;
    });
    return passInFlight;
  };
  const timer =
    options.maintenanceIntervalMs > 0
      ? setInterval(() => {
          maintain().catch((error: unknown) =>
            options.log(`Maintenance failed: ${(error as Error).message}`),
          );
        }, options.maintenanceIntervalMs).unref()
      : undefined;
  return {
    socketDir,
    maintain,
    close: async () => {
      clearInterval(timer);
      // A pass that began before the close finishes first, rather than losing its connection.
      await passInFlight?.catch(() => {});
      await server.close();
      await server.closeDatabase();
      await releaseLock();
    },
  };
}
