import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DatabaseOwnedError, openDatabase, type Database } from '../src/database.js';
import { applyMigrations, readMigrations } from '../src/migrate.js';

let dataDir: string;
let owner: Database;

/** A client of the owner's socket, as `psql -h <dataDir>` would be. */
async function socketClient(options: pg.ClientConfig = {}): Promise<pg.Client> {
  const client = new pg.Client({ host: dataDir, port: 5432, user: 'postgres', ...options });
  await client.connect();
  return client;
}

function userRow(email: string) {
  return { email, name: email, role: 'AUTHOR' as const, passwordHash: 'x' };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'inkwell-owner-'));
  owner = await openDatabase({ dataDir, requireOwnership: true });
  await owner.withScriptRunner(async (runner) => applyMigrations(runner, await readMigrations()));
}, 120_000);

afterAll(async () => {
  await owner?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('one owner per data directory', () => {
  test('the owner records itself; a second server refuses, naming it', async () => {
    const lock = JSON.parse(await readFile(path.join(dataDir, 'pglite.owner'), 'utf8'));
    expect(lock).toMatchObject({ pid: process.pid, socketDir: dataDir });
    const second = openDatabase({ dataDir, requireOwnership: true });
    await expect(second).rejects.toThrow(DatabaseOwnedError);
    await expect(second).rejects.toThrow(`owned by process ${process.pid}`);
  });

  test('other openers work through the owner: one sequence of ids, writes seen at once', async () => {
    const tools = await Promise.all([openDatabase({ dataDir }), openDatabase({ dataDir })]);
    try {
      expect(tools.map((tool) => tool.owner)).toEqual([null, null]);
      const created = await Promise.all(
        tools.flatMap((tool, i) =>
          [0, 1, 2].map((n) => tool.prisma.user.create({ data: userRow(`t${i}-${n}@x.io`) })),
        ),
      );
      const ids = created.map((user) => user.id);
      expect(new Set(ids).size).toBe(6);
      expect(await owner.prisma.user.count({ where: { id: { in: ids } } })).toBe(6);
    } finally {
      await Promise.all(tools.map((tool) => tool.close()));
    }
  });

  test('a lock left by a dead process is taken over', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'inkwell-stale-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid;
    await writeFile(
      path.join(dir, 'pglite.owner'),
      JSON.stringify({ pid: dead, socketDir: dir, startedAt: new Date().toISOString() }),
    );
    const db = await openDatabase({ dataDir: dir, requireOwnership: true });
    try {
      expect(db.owner).not.toBeNull();
      const lock = JSON.parse(await readFile(path.join(dir, 'pglite.owner'), 'utf8'));
      expect(lock.pid).toBe(process.pid);
    } finally {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('clients share one PGlite session without mixing', () => {
  test("another client's open transaction is neither seen nor broken", async () => {
    const writer = await socketClient();
    try {
      const before = await owner.prisma.user.count();
      await writer.query('BEGIN');
      await writer.query(
        `INSERT INTO "User" (email, name, role, "passwordHash") VALUES ('tx@x.io', 'tx', 'AUTHOR', 'x')`,
      );
      // Asked while the transaction is open: answered once it ends, from committed data only.
      const reader = owner.prisma.user.count();
      await new Promise((resolve) => setTimeout(resolve, 100));
      await writer.query('ROLLBACK');
      expect(await reader).toBe(before);
    } finally {
      await writer.end();
    }
  });

  test('parameterized queries of many clients at once get their own answers', async () => {
    const clients = await Promise.all([1, 2, 3].map(() => socketClient()));
    try {
      const answers = await Promise.all(
        Array.from({ length: 90 }, (_, i) =>
          clients[i % 3]!.query<{ n: number }>('SELECT $1::int AS n', [i]),
        ),
      );
      expect(answers.map((answer) => answer.rows[0]!.n)).toEqual(
        Array.from({ length: 90 }, (_, i) => i),
      );
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });

  test('a client gone mid-transaction leaves nothing behind', async () => {
    const quitter = await socketClient();
    quitter.on('error', () => {}); // its own connection is what this test breaks
    await quitter.query('BEGIN');
    await quitter.query(
      `INSERT INTO "User" (email, name, role, "passwordHash") VALUES ('gone@x.io', 'g', 'AUTHOR', 'x')`,
    );
    quitter.connection.stream.destroy();
    expect(await owner.prisma.user.count({ where: { email: 'gone@x.io' } })).toBe(0);
  });
});

describe('statement timeout', () => {
  test('a statement running too long is cancelled with 57014, and the next one works', async () => {
    const timed = await openDatabase({ dataDir, statementTimeoutMs: 1_000 });
    try {
      const started = performance.now();
      await expect(timed.sql.query('SELECT pg_sleep(20)')).rejects.toMatchObject({
        code: '57014',
      });
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(await timed.prisma.user.count()).toBeGreaterThan(0);
      expect(await owner.prisma.user.count()).toBeGreaterThan(0);
    } finally {
      await timed.close();
    }
  });

  test("waiting behind another client's transaction counts, as a lock wait does", async () => {
    const holder = await socketClient();
    const timed = await openDatabase({ dataDir, statementTimeoutMs: 200 });
    try {
      await holder.query('BEGIN');
      await expect(timed.prisma.user.count()).rejects.toMatchObject({
        meta: { driverAdapterError: { cause: { code: '57014' } } },
      });
      // The holder's transaction was not touched.
      expect((await holder.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      await holder.query('COMMIT');
      expect(await timed.prisma.user.count()).toBeGreaterThan(0);
    } finally {
      await holder.end();
      await timed.close();
    }
  });

  test('scripts (migrations, reindexing) are exempt', async () => {
    const timed = await openDatabase({ dataDir, statementTimeoutMs: 100 });
    try {
      await timed.withScriptRunner((runner) => runner.query('SELECT pg_sleep(0.3)'));
    } finally {
      await timed.close();
    }
  });
});

test('maintenance gathers the statistics autovacuum would', async () => {
  await owner.sql.query(
    `INSERT INTO "Category" (name, slug) SELECT 'c' || g, 'c-' || g FROM generate_series(1, 500) g`,
  );
  await owner.owner!.maintain();
  const { rows } = await owner.sql.query<{ analyzed: boolean }>(
    `SELECT last_analyze IS NOT NULL AS analyzed FROM pg_stat_user_tables WHERE relname = 'Category'`,
  );
  expect(rows).toEqual([{ analyzed: true }]);
});
