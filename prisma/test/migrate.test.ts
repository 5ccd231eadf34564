import { mkdtemp, mkdir, writeFile, cp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openDatabase, type Database } from '../src/database.js';
import {
  applyMigrations,
  defaultMigrationsDir,
  MigrationChecksumError,
  readMigrations,
} from '../src/migrate.js';
import { createScratchPostgresDatabase, type ScratchDatabase } from '../src/testing.js';

const scratch: ScratchDatabase[] = [];
afterAll(async () => {
  await Promise.all(scratch.map((db) => db.drop()));
});

const engines: Array<[string, () => Promise<Database>]> = [
  ['PGlite', () => openDatabase({ dataDir: 'memory://' })],
  [
    'PostgreSQL',
    async () => {
      const db = await createScratchPostgresDatabase('inkwell_migrate');
      scratch.push(db);
      return openDatabase({ databaseUrl: db.url, dataDir: '' });
    },
  ],
];

describe.each(engines)('migrations on %s', (_name, open) => {
  test('apply every migration once, record them like Prisma, and create the schema', async () => {
    const db = await open();
    try {
      const migrations = await readMigrations();
      expect(migrations.length).toBeGreaterThan(0);

      const first = await db.withScriptRunner((runner) => applyMigrations(runner, migrations));
      expect(first.applied).toEqual(migrations.map((m) => m.name));

      const second = await db.withScriptRunner((runner) => applyMigrations(runner, migrations));
      expect(second.applied).toEqual([]);
      expect(second.alreadyApplied).toEqual(first.applied);

      const { rows } = await db.sql.query<{ migration_name: string; checksum: string }>(
        'SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name',
      );
      expect(rows).toEqual(
        migrations.map((m) => ({ migration_name: m.name, checksum: m.checksum })),
      );

      // The generated client works against the migrated schema.
      const category = await db.prisma.category.create({ data: { name: 'Rust', slug: 'rust' } });
      const post = await db.prisma.post.create({
        data: {
          slug: 'hello',
          title: 'Hello',
          body: '# Hi',
          categories: { create: [{ categoryId: category.id }] },
        },
        include: { categories: true },
      });
      expect(post.status).toBe('DRAFT');
      expect(post.categories).toEqual([{ postId: post.id, categoryId: category.id }]);
      await expect(
        db.prisma.post.create({ data: { slug: 'hello', title: 'Again', body: '' } }),
      ).rejects.toThrow(/Unique constraint/);
    } finally {
      await db.close();
    }
  });

  test('refuse a migration edited after it was applied, and roll back a failing one', async () => {
    const db = await open();
    const dir = await mkdtemp(path.join(tmpdir(), 'inkwell-migrations-'));
    try {
      await cp(defaultMigrationsDir, dir, { recursive: true });
      await db.withScriptRunner(async (runner) =>
        applyMigrations(runner, await readMigrations(dir)),
      );

      const [first] = await readMigrations(dir);
      await writeFile(path.join(dir, first!.name, 'migration.sql'), `${first!.sql}\n-- edited\n`);
      await expect(
        db.withScriptRunner(async (runner) => applyMigrations(runner, await readMigrations(dir))),
      ).rejects.toBeInstanceOf(MigrationChecksumError);
      await writeFile(path.join(dir, first!.name, 'migration.sql'), first!.sql);

      const broken = path.join(dir, '29990101000000_broken');
      await mkdir(broken);
      await writeFile(
        path.join(broken, 'migration.sql'),
        'CREATE TABLE "Half" (id INT);\nSELECT * FROM "NoSuchTable";',
      );
      await expect(
        db.withScriptRunner(async (runner) => applyMigrations(runner, await readMigrations(dir))),
      ).rejects.toThrow(/29990101000000_broken failed/);
      const { rows } = await db.sql.query(`SELECT to_regclass('"Half"') AS half`);
      expect(rows).toEqual([{ half: null }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await db.close();
    }
  });
});
