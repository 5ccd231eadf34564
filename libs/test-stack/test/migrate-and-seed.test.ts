import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '@inkwell/prisma';
import { demoCategories, demoPosts } from '@inkwell/prisma/demo-content';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateAndSeed } from '../src/scratch-database.js';

describe('migrateAndSeed', () => {
  let dataDir: string;

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('migrates an embedded data dir and writes the content an API then finds there', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'inkwell-test-stack-seed-'));
    await migrateAndSeed({ dataDir }, { categories: demoCategories, posts: demoPosts.slice(0, 3) });

    const db = await openDatabase({ dataDir });
    try {
      const posts = await db.prisma.post.findMany({
        select: { slug: true },
        orderBy: { id: 'asc' },
      });
      expect(posts.map((post) => post.slug)).toEqual(
        demoPosts.slice(0, 3).map((post) => post.slug),
      );
    } finally {
      await db.close();
    }
  }, 120_000);
});
