import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { imageDirectories } from '@inkwell/assets/thumbnails';
import { openDatabase } from '@inkwell/prisma';
import { createScratchPostgresDatabase, type ScratchDatabase } from '@inkwell/prisma/testing';
import { startApiProcess, type ApiProcess } from '@inkwell/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, BackupError, restore, type Manifest } from '../src/index.js';
import { filesUnder, rowsOf, seedSite } from './site-data.js';

const WRITER_NAME = 'Concurrent writer';

let work: string;
let source: string;
let api: ApiProcess;
let backupFolder: string;
let manifest: Manifest;
let expected: Map<string, string[]>;
const scratch: ScratchDatabase[] = [];

/** Comment rows written by the concurrent writer, which comes in pairs (a comment, its reply). */
function writerComments(rows: Map<string, string[]>): string[] {
  return rows.get('Comment')!.filter((line) => line.includes(WRITER_NAME));
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'inkwell-backup-'));
  source = path.join(work, 'source');
  await seedSite(source);
  api = await startApiProcess({ DATA_DIR: source });

  // Writes a comment and its reply in one transaction for as long as the backup runs.
  const writer = await openDatabase({ dataDir: source });
  let writing = true;
  const post = await writer.prisma.post.findFirstOrThrow({ orderBy: { id: 'asc' } });
  const writes = (async () => {
    for (let i = 0; writing; i++) {
      await writer.prisma.$transaction(async (tx) => {
        const parent = await tx.comment.create({
          data: {
            postId: post.id,
            authorName: WRITER_NAME,
            authorEmail: 'w@example.test',
            body: `${i}`,
          },
        });
        await tx.comment.create({
          data: {
            postId: post.id,
            parentId: parent.id,
            authorName: WRITER_NAME,
            authorEmail: 'w@example.test',
            body: `reply ${i}`,
          },
        });
      });
    }
  })();
  backupFolder = path.join(work, 'backup');
  try {
    manifest = await backup({ dataDir: source, folder: backupFolder });
  } finally {
    writing = false;
    await writes;
    await writer.close();
  }
  expected = await rowsOf({ dataDir: source });
}, 300_000);

afterAll(async () => {
  await api?.stop();
  for (const database of scratch) await database.drop();
  if (work) await rm(work, { recursive: true, force: true });
});

/** The source's rows, less the writer's comments committed after the backup's snapshot. */
function expectSameRowsAsSnapshot(restored: Map<string, string[]>): void {
  const writerRows = writerComments(restored);
  expect(writerRows.length % 2).toBe(0); // both rows of each transaction, or neither
  const sourceWriterRows = writerComments(expected);
  const snapshotWriterRows = new Set(writerRows);
  for (const [table, rows] of expected) {
    const snapshotRows =
      table === 'Comment'
        ? rows.filter((line) => !sourceWriterRows.includes(line) || snapshotWriterRows.has(line))
        : rows;
    expect(restored.get(table), table).toEqual(snapshotRows);
  }
}

describe('backup of a running site and restore', () => {
  it('writes a manifest of every table and upload, with the site running and writing', () => {
    expect(manifest.source.engine).toBe('pglite');
    expect(manifest.tables.map((table) => table.table)).toContain('Comment');
    expect(manifest.tables.find((table) => table.table === 'Post')!.rows).toBe(35);
    expect(manifest.uploads).toHaveLength(4); // two originals and their descriptions
    expect(manifest.migrations.length).toBeGreaterThan(0);
    expect(writerComments(expected).length).toBeGreaterThan(0); // the writer ran meanwhile
  });

  it('restores into an empty folder: every row, sequence and upload byte as in the snapshot', async () => {
    const target = path.join(work, 'restored-pglite');
    await restore({ dataDir: target, folder: backupFolder });
    const restored = await rowsOf({ dataDir: target });
    expectSameRowsAsSnapshot(restored);
    expect(await filesUnder(imageDirectories(target).originals)).toEqual(
      await filesUnder(imageDirectories(source).originals),
    );
    // The sequences go on after the restored ids.
    const db = await openDatabase({ dataDir: target });
    try {
      const newest = await db.prisma.comment.findFirstOrThrow({ orderBy: { id: 'desc' } });
      const added = await db.prisma.comment.create({
        data: {
          postId: newest.postId,
          authorName: 'After',
          authorEmail: 'a@example.test',
          body: 'x',
        },
      });
      expect(added.id).toBeGreaterThan(newest.id);
    } finally {
      await db.close();
    }
  }, 180_000);

  it('moves the embedded database to PostgreSQL, and backs PostgreSQL up in turn', async () => {
    const database = await createScratchPostgresDatabase('inkwell_restore');
    scratch.push(database);
    const target = path.join(work, 'restored-postgres');
    await restore({ databaseUrl: database.url, dataDir: target, folder: backupFolder });
    const inPostgres = await rowsOf({ databaseUrl: database.url, dataDir: target });
    expectSameRowsAsSnapshot(inPostgres);
    expect(await filesUnder(target)).toEqual(
      await filesUnder(path.join(backupFolder)).then(uploadsOnly),
    );

    const secondBackup = path.join(work, 'backup-of-postgres');
    const second = await backup({
      databaseUrl: database.url,
      dataDir: target,
      folder: secondBackup,
    });
    expect(second.source.engine).toBe('postgres');
    const back = path.join(work, 'back-to-pglite');
    await restore({ dataDir: back, folder: secondBackup });
    expect(await rowsOf({ dataDir: back })).toEqual(inPostgres);

    await expect(
      restore({
        databaseUrl: database.url,
        dataDir: path.join(work, 'unused'),
        folder: backupFolder,
      }),
    ).rejects.toThrow(/is not empty \(it has \d+ table/);
  }, 180_000);

  it('refuses a data folder that is not empty, and leaves it alone', async () => {
    const before = await filesUnder(imageDirectories(source).originals);
    await expect(restore({ dataDir: source, folder: backupFolder })).rejects.toThrow(
      /data folder .* is not empty/,
    );
    expect(await filesUnder(imageDirectories(source).originals)).toEqual(before);
    expect((await fetch(`${api.url}/__lbheartbeat__`)).status).toBe(200);
    await expect(backup({ dataDir: source, folder: backupFolder })).rejects.toThrow(
      /backup folder .* is not empty/,
    );
  });

  it('refuses an unfinished or damaged backup before writing anything', async () => {
    const unfinished = path.join(work, 'unfinished');
    await cp(backupFolder, unfinished, { recursive: true });
    await rm(path.join(unfinished, 'manifest.json'));
    const target = path.join(work, 'never-written');
    await expect(restore({ dataDir: target, folder: unfinished })).rejects.toThrow(
      /has no manifest\.json: .*did not finish/,
    );

    const damaged = path.join(work, 'damaged');
    await cp(backupFolder, damaged, { recursive: true });
    const posts = path.join(damaged, 'database', 'Post.tsv');
    const bytes = await readFile(posts);
    bytes[100] = bytes[100]! ^ 1;
    await writeFile(posts, bytes);
    await expect(restore({ dataDir: target, folder: damaged })).rejects.toThrow(BackupError);
    await expect(restore({ dataDir: target, folder: damaged })).rejects.toThrow(
      /damaged: database\/Post\.tsv does not match its checksum/,
    );

    const missingImage = path.join(work, 'missing-image');
    await cp(backupFolder, missingImage, { recursive: true });
    await rm(path.join(missingImage, manifest.uploads[0]!.path));
    await expect(restore({ dataDir: target, folder: missingImage })).rejects.toThrow(
      /incomplete: images\/originals\/.* is missing/,
    );
    await expect(filesUnder(target)).rejects.toThrow(/ENOENT/);
  });
});

/** The upload files of a backup folder, keyed as they sit in a data folder. */
function uploadsOnly(files: Map<string, Buffer>): Map<string, Buffer> {
  return new Map([...files].filter(([name]) => name.startsWith('images/')));
}
