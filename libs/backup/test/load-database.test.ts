import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyMigrations, openDatabase, readMigrations, type Database } from '@inkwell/prisma';
import { createScratchPostgresDatabase, type ScratchDatabase } from '@inkwell/prisma/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dumpDatabase } from '../src/dump-database.js';
import { loadDatabase } from '../src/load-database.js';

const REPLIES = 1_200;

let work: string;
const databases: ScratchDatabase[] = [];

async function migratedDatabase(): Promise<Database> {
  const scratch = await createScratchPostgresDatabase('inkwell_load');
  databases.push(scratch);
  const db = await openDatabase({ databaseUrl: scratch.url, dataDir: '' });
  await db.withScriptRunner(async (runner) => applyMigrations(runner, await readMigrations()));
  return db;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'inkwell-load-'));
});

afterAll(async () => {
  for (const database of databases) await database.drop();
  if (work) await rm(work, { recursive: true, force: true });
});

it('loads replies listed before the comment they answer, and keeps their ids', async () => {
  const source = await migratedDatabase();
  const folder = path.join(work, 'backup');
  let parentId: number;
  const dump = await (async () => {
    try {
      const post = await source.prisma.post.create({
        data: { slug: 'p', title: 'P', summary: '', body: 'b', status: 'PUBLISHED' },
      });
      const comment = { postId: post.id, authorName: 'A', authorEmail: 'a@example.test' };
      const parent = await source.prisma.comment.create({ data: { ...comment, body: 'first' } });
      parentId = parent.id;
      // More replies than any batch would hold, so that they cannot all go in with their parent.
      await source.prisma.comment.createMany({
        data: Array.from({ length: REPLIES }, (_, i) => ({
          ...comment,
          body: `reply ${i}`,
          parentId: parent.id,
        })),
      });
      return await source.withClient((client) => dumpDatabase(client, folder, 'postgres'));
    } finally {
      await source.close();
    }
  })();
  const comments = path.join(folder, 'database', 'Comment.tsv');
  const lines = (await readFile(comments, 'utf8')).trimEnd().split('\n');
  await writeFile(comments, `${lines.reverse().join('\n')}\n`);

  const target = await migratedDatabase();
  try {
    await target.withClient((client) => loadDatabase(client, folder, dump));
    const loaded = await target.prisma.comment.findMany({ orderBy: { id: 'asc' } });
    expect(loaded).toHaveLength(REPLIES + 1);
    expect(loaded[0]).toMatchObject({ id: parentId!, body: 'first', parentId: null });
    expect(loaded.slice(1).every((row) => row.parentId === parentId!)).toBe(true);
    expect(loaded.at(-1)).toMatchObject({ id: parentId! + REPLIES, body: `reply ${REPLIES - 1}` });
    // The migrations' own default settings row gave way to the backup's.
    expect(await target.prisma.siteSettings.count()).toBe(1);
  } finally {
    await target.close();
  }
});
