import { expect, test } from 'vitest';
import { openDatabase } from '../src/database.js';
import { applyMigrations, readMigrations } from '../src/migrate.js';

const LOWERCASE_EMAILS = '20261202140000_lowercase_emails';

test('emails stored before the lower-case migration are lower-cased by it', async () => {
  const db = await openDatabase({ dataDir: 'memory://' });
  try {
    const migrations = await readMigrations();
    const before = migrations.filter((migration) => migration.name < LOWERCASE_EMAILS);
    await db.withScriptRunner((runner) => applyMigrations(runner, before));
    await db.sql.query(`
      INSERT INTO "User" (email, name, "passwordHash") VALUES
        ('Ada@Example.ORG', 'Ada', 'x'), ('grace@example.org', 'Grace', 'x'),
        ('GRACE@example.org', 'Grace again', 'x')`);
    await db.sql.query(`
      INSERT INTO "Post" (slug, title, body, "updatedAt") VALUES ('p', 'P', '', now())`);
    await db.sql.query(`
      INSERT INTO "Comment" ("postId", "authorName", "authorEmail", body)
      SELECT id, 'Reader', ' Reader@Example.COM ', 'Hi' FROM "Post"`);

    const result = await db.withScriptRunner((runner) => applyMigrations(runner, migrations));
    expect(result.applied).toContain(LOWERCASE_EMAILS);

    const users = await db.sql.query<{ email: string }>('SELECT email FROM "User" ORDER BY id');
    // The second Grace keeps her spelling: the lower-case one belongs to another account.
    expect(users.rows.map((row) => row.email)).toEqual([
      'ada@example.org',
      'grace@example.org',
      'GRACE@example.org',
    ]);
    const comments = await db.sql.query<{ authorEmail: string }>(
      'SELECT "authorEmail" FROM "Comment"',
    );
    expect(comments.rows).toEqual([{ authorEmail: 'reader@example.com' }]);
  } finally {
    await db.close();
  }
});
