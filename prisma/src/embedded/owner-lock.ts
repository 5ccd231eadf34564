import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';

/** What `<dataDir>/pglite.owner` records about the process that owns the embedded database. */
export interface OwnerRecord {
  pid: number;
  /** Directory of the owner's Unix socket (`.s.PGSQL.5432` inside), as `pg` expects as `host`. */
  socketDir: string;
  startedAt: string;
}

export type LockResult =
  { acquired: true; release(): Promise<void> } | { acquired: false; owner: OwnerRecord };

export function ownerLockPath(dataDir: string): string {
  return path.join(dataDir, 'pglite.owner');
}

/**
 * Takes the owner lock of a data directory, or reports who holds it. A lock whose process is gone
 * (a crash, a kill -9) is stale and taken over.
 */
export async function acquireOwnerLock(dataDir: string, socketDir: string): Promise<LockResult> {
  const lockPath = ownerLockPath(dataDir);
  const record: OwnerRecord = { pid: process.pid, socketDir, startedAt: new Date().toISOString() };
  for (;;) {
    try {
      await writeFile(lockPath, `${JSON.stringify(record)}\n`, { flag: 'wx' });
      return { acquired: true, release: () => rm(lockPath, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readOwnerRecord(lockPath);
    if (owner && isRunning(owner.pid)) return { acquired: false, owner };
    if (!owner && (await isBeingWritten(lockPath))) {
      await sleep(50);
      continue;
    }
    // Stale (or half written by a process that died): move it aside, which only one contender
    // can do, then try again.
    const aside = `${lockPath}.stale-${randomBytes(4).toString('hex')}`;
    try {
      await rename(lockPath, aside);
      await rm(aside, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** The current owner of `dataDir`, if a running process holds its lock. */
export async function currentOwner(dataDir: string): Promise<OwnerRecord | null> {
  const owner = await readOwnerRecord(ownerLockPath(dataDir));
  return owner && isRunning(owner.pid) ? owner : null;
}

async function readOwnerRecord(lockPath: string): Promise<OwnerRecord | null> {
  try {
    const record = JSON.parse(await readFile(lockPath, 'utf8')) as Partial<OwnerRecord>;
    return typeof record.pid === 'number' && typeof record.socketDir === 'string'
      ? (record as OwnerRecord)
      : null;
  } catch {
    return null;
  }
}

/** A lock that does not parse yet may be one another process is writing this very moment. */
async function isBeingWritten(lockPath: string): Promise<boolean> {
  try {
    return Date.now() - (await stat(lockPath)).mtimeMs < 2_000;
  } catch {
    return false;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
