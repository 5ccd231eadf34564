import { expect, test } from 'vitest';
import { openDatabase } from '../src/database.js';
import { applyMigrations, readMigrations } from '../src/migrate.js';

const PAGES_AND_AUTHORS = '20261207200000_pages_and_authors';

test('users made before author pages get an address from their name, each its own', async () => {
  const db = await openDatabase({ dataDir: 'memory://' });
  try {
    const migrations = await readMigrations();
    const before = migrations.filter((migration) => migration.name < PAGES_AND_AUTHORS);
    await db.withScriptRunner((runner) => applyMigrations(runner, before));
    await db.sql.query(`
      INSERT INTO "User" (email, name, "passwordHash") VALUES
        ('a@example.org', 'Ada Lovelace', 'x'), ('b@example.org', 'ada  lovelace!', 'x'),
        ('c@example.org', '¡¿', 'x'), ('d@example.org', 'Grace', 'x')`);
    await db.sql.query(`
      INSERT INTO "Post" (slug, title, body, "updatedAt") VALUES ('p', 'P', '', now())`);

    const result = await db.withScriptRunner((runner) => applyMigrations(runner, migrations));
    expect(result.applied).toContain(PAGES_AND_AUTHORS);

    const users = await db.sql.query<{ id: number; slug: string }>(
      'SELECT id, slug FROM "User" ORDER BY id',
    );
    const [ada, second, symbols, grace] = users.rows;
    expect(ada!.slug).toBe('ada-lovelace');
    expect(second!.slug).toBe(`ada-lovelace-${second!.id}`);
    expect(symbols!.slug).toBe(`author-${symbols!.id}`);
    expect(grace!.slug).toBe('grace');
    // Existing posts are posts, not pages.
    const posts = await db.sql.query<{ kind: string }>('SELECT kind FROM "Post"');
    expect(posts.rows).toEqual([{ kind: 'POST' }]);
  } finally {
    await db.close();
  }
});
