import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, Prisma } from '@inkwell/prisma';
import { demoCategories, demoPosts } from '@inkwell/prisma/demo-content';
import { createScratchPostgresDatabase, type ScratchDatabase } from '@inkwell/prisma/testing';
import { runApiScript } from '@inkwell/test-stack';
import { seededScratchDatabase } from '@inkwell/test-stack/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * `npm run backup` and `npm run restore` as the operator runs them, on PostgreSQL (the engines
 * and the embedded database's owner are covered by libs/backup's own tests).
 */

let work: string;
let source: ScratchDatabase;
let target: ScratchDatabase;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'inkwell-backup-cli-'));
  [source, target] = await Promise.all([
    seededScratchDatabase('inkwell_backup_cli', { categories: demoCategories, posts: demoPosts }),
    createScratchPostgresDatabase('inkwell_restore_cli'),
  ]);
});

afterAll(async () => {
  await Promise.all([source?.drop(), target?.drop()]);
  if (work) await rm(work, { recursive: true, force: true });
});

async function publishedPosts(databaseUrl: string): Promise<number> {
  const db = await openDatabase({ databaseUrl, dataDir: '' });
  try {
    return await db.prisma.post.count({ where: { status: 'PUBLISHED' } });
  } finally {
    await db.close();
  }
}

describe('npm run backup / restore', () => {
  it('backs a site up and restores it into an empty database, then refuses to do it twice', async () => {
    const folder = path.join(work, 'backup');
    const backedUp = await runApiScript('src/cli/backup.ts', {
      env: { DATABASE_URL: source.url, DATA_DIR: path.join(work, 'source-data') },
      args: [folder],
    });
    const tables = Object.keys(Prisma.ModelName).length;
    expect(backedUp.output).toMatch(
      new RegExp(`Backed up ${tables} tables \\(\\d+ rows\\) and 0 upload files to`),
    );
    expect(backedUp.code).toBe(0);

    const restoreEnv = { DATABASE_URL: target.url, DATA_DIR: path.join(work, 'target-data') };
    const restored = await runApiScript('src/cli/restore.ts', { env: restoreEnv, args: [folder] });
    expect(restored.output).toMatch(/Restored the backup of .* into PostgreSQL/);
    expect(restored.code).toBe(0);
    expect(await publishedPosts(target.url)).toBe(33);

    const again = await runApiScript('src/cli/restore.ts', {
      env: { ...restoreEnv, DATA_DIR: path.join(work, 'other-data') },
      args: [folder],
    });
    expect(again.code).toBe(1);
    // The operator's problem alone, without a stack trace.
    expect(again.output.trim()).toMatch(
      /^The database .* is not empty .* Restore into a new, empty database\.$/,
    );
  }, 180_000);

  it('names its usage when the folder is missing', async () => {
    const { code, output } = await runApiScript('src/cli/backup.ts', {
      env: { DATABASE_URL: source.url },
    });
    expect(code).toBe(1);
    expect(output.trim()).toBe('Usage: npm run backup -- <folder>');
  });
});
