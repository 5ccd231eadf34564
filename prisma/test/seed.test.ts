import { afterAll, expect, test } from 'vitest';
import { openDatabase } from '../src/database.js';
import { applyMigrations, readMigrations } from '../src/migrate.js';
import { seedDemoContent } from '../src/seed.js';
import { demoCategories, demoPosts } from '../src/demo-content/index.js';
import { createScratchPostgresDatabase, type ScratchDatabase } from '../src/testing.js';

let scratch: ScratchDatabase;
afterAll(() => scratch?.drop());

test('two processes seeding one empty database at once write the demo content once', async () => {
  scratch = await createScratchPostgresDatabase('inkwell_seed');
  const [a, b] = await Promise.all([
    openDatabase({ databaseUrl: scratch.url, dataDir: '' }),
    openDatabase({ databaseUrl: scratch.url, dataDir: '' }),
  ]);
  try {
    await a.withScriptRunner(async (runner) => applyMigrations(runner, await readMigrations()));
    const content = { categories: demoCategories, posts: demoPosts };
    const results = await Promise.all([
      seedDemoContent(a.prisma, content),
      seedDemoContent(b.prisma, content),
    ]);
    expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
    expect(await a.prisma.post.count()).toBe(demoPosts.length);
    expect(await a.prisma.comment.count()).toBe(
      demoPosts.reduce((n, post) => n + post.comments.length, 0),
    );
    const reply = await a.prisma.comment.findFirst({
      where: { parentId: { not: null } },
      include: { parent: true },
    });
    expect(reply?.parent?.postId).toBe(reply?.postId);
    expect((await seedDemoContent(a.prisma, content)).seeded).toBe(false);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});
