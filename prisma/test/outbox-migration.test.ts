import { expect, test } from 'vitest';
import { openDatabase } from '../src/database.js';
import { applyMigrations, readMigrations } from '../src/migrate.js';

const OUTBOX = '20261202170000_outbox';

test('posts saved with a date still to come before the outbox get their publication event', async () => {
  const db = await openDatabase({ dataDir: 'memory://' });
  try {
    const migrations = await readMigrations();
    const before = migrations.filter((migration) => migration.name < OUTBOX);
    await db.withScriptRunner((runner) => applyMigrations(runner, before));
    await db.sql.query(`
      INSERT INTO "Post" (slug, title, body, status, "publishedAt", "updatedAt") VALUES
        ('came-while-down', 'A', '', 'PUBLISHED', '2026-12-01 10:00:00', '2026-11-30 09:00:00'),
        ('still-to-come', 'B', '', 'PUBLISHED', '2099-01-01 08:00:00', '2026-11-30 09:00:00'),
        ('published-at-once', 'C', '', 'PUBLISHED', '2026-11-30 09:00:00', '2026-11-30 09:00:01'),
        ('draft', 'D', '', 'DRAFT', NULL, '2026-11-30 09:00:00')`);

    const result = await db.withScriptRunner((runner) => applyMigrations(runner, migrations));
    expect(result.applied).toContain(OUTBOX);

    const events = await db.sql.query<{ type: string; payload: unknown; runAfter: Date }>(
      'SELECT type, payload, "runAfter" FROM "OutboxEvent" ORDER BY "runAfter"',
    );
    const ids = await db.sql.query<{ id: number; slug: string }>('SELECT id, slug FROM "Post"');
    const id = (slug: string) => ids.rows.find((row) => row.slug === slug)!.id;
    expect(events.rows.map(({ type, payload }) => ({ type, payload }))).toEqual([
      {
        type: 'post.publication-due',
        payload: { postId: id('came-while-down'), publishedAt: '2026-12-01T10:00:00.000Z' },
      },
      {
        type: 'post.publication-due',
        payload: { postId: id('still-to-come'), publishedAt: '2099-01-01T08:00:00.000Z' },
      },
    ]);
  } finally {
    await db.close();
  }
}, 180_000);
