import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { SOCKET_PORT } from './embedded-owner.js';
import { currentOwner, type OwnerRecord } from './owner-lock.js';

/** Another process owns the embedded database, and this one cannot (or may not) use it. */
export class DatabaseOwnedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: OwnerRecord,
    reason: 'refuse' | 'unreachable',
  ) {
    super(
      reason === 'refuse'
        ? `The embedded database in ${dataDir} is already owned by process ${owner.pid} ` +
            `(started ${owner.startedAt}). Only one Inkwell API can serve it: stop process ` +
            `${owner.pid} first, or use PostgreSQL (DATABASE_URL) to run several.`
        : `The embedded database in ${dataDir} is owned by process ${owner.pid} ` +
            `(started ${owner.startedAt}), which does not answer on its socket in ` +
            `${owner.socketDir}. Wait for it to finish starting, or stop process ${owner.pid} ` +
            'and try again.',
    );
  }
}

const STARTING_OWNER_GRACE_MS = 60_000;

/**
 * Waits until the owner answers on its socket: a fresh data directory takes the owner a few
 * seconds to create. Fails when the owner stops answering for longer, or has gone.
 */
export async function connectToOwner(dataDir: string, owner: OwnerRecord): Promise<void> {
  const deadline = Date.now() + STARTING_OWNER_GRACE_MS;
  for (;;) {
    const client = new pg.Client({ host: owner.socketDir, port: SOCKET_PORT, user: 'postgres' });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
    }
    if (Date.now() > deadline || (await currentOwner(dataDir))?.pid !== owner.pid) {
      throw new DatabaseOwnedError(dataDir, owner, 'unreachable');
    }
    await sleep(200);
  }
}
