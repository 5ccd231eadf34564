import { afterAll, expect, test } from 'vitest';
import { openDatabase } from '../src/database.js';
import { applyMigrations, readMigrations } from '../src/migrate.js';
import { SEED_LOCK_KEY, seedDemoContent } from '../src/seed.js';
import { demoCategories, demoPosts } from '../src/demo-content/index.js';
import { createScratchPostgresDatabase, type ScratchDatabase } from '../src/testing.js';

const scratches: ScratchDatabase[] = [];
afterAll(() => Promise.all(scratches.map((scratch) => scratch.drop())));

test('two processes seeding one empty database at once write the demo content once', async () => {
  const scratch = await createScratchPostgresDatabase('inkwell_seed');
  scratches.push(scratch);
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

test("a process with a request statement timeout waits out another's seeding", async () => {
  const scratch = await createScratchPostgresDatabase('inkwell_seed_wait');
  scratches.push(scratch);
  const first = await openDatabase({ databaseUrl: scratch.url, dataDir: '' });
  // The second API's queries are limited as its requests' are.
  const second = await openDatabase({
    databaseUrl: scratch.url,
    dataDir: '',
    statementTimeoutMs: 200,
  });
  try {
    await first.withScriptRunner(async (runner) => applyMigrations(runner, await readMigrations()));
    // The first process holds the seed lock for longer than the second's statement timeout.
    const holding = first.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      await new Promise((resolve) => setTimeout(resolve, 800));
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const seeded = seedDemoContent(second.prisma, { categories: demoCategories, posts: demoPosts });
    await holding;
    expect((await seeded).seeded).toBe(true);
    expect(await second.prisma.post.count()).toBe(demoPosts.length);
  } finally {
    await Promise.all([first.close(), second.close()]);
  }
});
