import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createMemoryPGlite } from '../src/memory-cluster.js';

let folder: string;
let clusterFile: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'inkwell-memory-cluster-'));
  clusterFile = path.join(folder, 'empty-cluster.tar');
});
afterAll(() => rm(folder, { recursive: true, force: true }));

test('databases made from the kept cluster start empty and apart from each other', async () => {
  const first = await createMemoryPGlite({ pg_trgm }, clusterFile);
  await first.exec(`CREATE TABLE note (body text); INSERT INTO note VALUES ('kept apart')`);
  const second = await createMemoryPGlite({ pg_trgm }, clusterFile);
  try {
    const tables = await second.query(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`,
    );
    expect(tables.rows).toEqual([{ n: 0 }]);
    await second.exec('CREATE EXTENSION pg_trgm');
    const similar = await second.query<{ s: number }>(`SELECT similarity('vacuum', 'vacum') AS s`);
    expect(similar.rows[0]!.s).toBeGreaterThan(0.5);
    expect((await first.query('SELECT body FROM note')).rows).toEqual([{ body: 'kept apart' }]);
  } finally {
    await first.close();
    await second.close();
  }
}, 60_000);

test('a damaged dump is replaced by a whole one', async () => {
  await writeFile(clusterFile, 'not a tar archive');
  const db = await createMemoryPGlite({ pg_trgm }, clusterFile);
  try {
    expect((await db.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  } finally {
    await db.close();
  }
  expect((await stat(clusterFile)).size).toBeGreaterThan(1_000_000);
  expect((await readFile(clusterFile)).subarray(0, 17).toString()).not.toBe('not a tar archive');
}, 60_000);

test('a copy that cannot be kept leaves the database working', async () => {
  const unwritable = path.join(folder, 'no-such-folder', 'empty-cluster.tar');
  const db = await createMemoryPGlite({ pg_trgm }, unwritable);
  try {
    expect((await db.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  } finally {
    await db.close();
  }
  await expect(stat(unwritable)).rejects.toThrow();
}, 60_000);
