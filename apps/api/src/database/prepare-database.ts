import {
  applyMigrations,
  readMigrations,
  seedDemoContent,
  type Database,
  type SeedResult,
} from '@inkwell/prisma';
import { demoCategories, demoPosts } from '@inkwell/prisma/demo-content';

export interface PrepareOptions {
  migrate: boolean;
  seedDemoContent: boolean;
  log: (message: string) => void;
}

/** Brings a freshly opened database up to date: pending migrations, then demo content. */
export async function prepareDatabase(
  db: Database,
  options: PrepareOptions,
): Promise<SeedResult | null> {
  if (options.migrate) {
    const migrations = await readMigrations();
    const result = await db.withScriptRunner((runner) =>
      applyMigrations(runner, migrations, options.log),
    );
    if (result.applied.length > 0) options.log(`Applied ${result.applied.length} migration(s)`);
  }
  if (!options.seedDemoContent) return null;
  const seed = await seedDemoContent(db.prisma, { categories: demoCategories, posts: demoPosts });
  if (seed.seeded) {
    options.log(
      `Seeded demo content: ${seed.posts} posts, ${seed.categories} categories, ${seed.comments} comments`,
    );
  }
  return seed;
}
