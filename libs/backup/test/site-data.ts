import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { imageDirectories, OriginalStore } from '@inkwell/assets/thumbnails';
import {
  applyMigrations,
  openDatabase,
  readMigrations,
  seedDemoContent,
  type Database,
} from '@inkwell/prisma';
import { demoCategories, demoPosts } from '@inkwell/prisma/demo-content';
import type pg from 'pg';
import sharp from 'sharp';
import { APPLICATION_TABLES } from '../src/index.js';
import { storedColumns } from '../src/dump-database.js';

/**
 * Migrates a new embedded database and writes the demo content into it, plus what the demo
 * content lacks: an author, two uploaded images, a held comment full of characters to escape.
 */
export async function seedSite(dataDir: string): Promise<void> {
  const db = await openDatabase({ dataDir });
  try {
    await db.withScriptRunner(async (runner) => applyMigrations(runner, await readMigrations()));
    await seedDemoContent(db.prisma, { categories: demoCategories, posts: demoPosts });
    const author = await db.prisma.user.create({
      data: { email: 'grace@example.test', name: 'Grace', passwordHash: 'x', role: 'AUTHOR' },
    });
    const originals = new OriginalStore(imageDirectories(dataDir).originals);
    for (const [index, colour] of ['#d33', '#3d3'].entries()) {
      const bytes = await sharp({
        create: { width: 40 + index, height: 30, channels: 3, background: colour },
      })
        .png()
        .toBuffer();
      const image = await originals.save(bytes, `photo-${index}.png`, { maxBytes: 1_000_000 });
      await db.prisma.image.create({
        data: {
          hash: image.hash,
          filename: `photo-${index}.png`,
          mime: image.mime,
          width: image.width,
          height: image.height,
          bytes: image.bytes,
          uploadedById: author.id,
        },
      });
    }
    const post = await db.prisma.post.findFirstOrThrow({ orderBy: { id: 'asc' } });
    await db.prisma.comment.create({
      data: {
        postId: post.id,
        authorName: 'Tab\tand\nnewline \\ reader',
        authorEmail: 'reader@example.test',
        body: 'Ünïcödé, "quotes", \\N and 🙂',
        approved: false,
      },
    });
  } finally {
    await db.close();
  }
}

/** Every row of every application table, as text lines sorted, by table. */
export async function tableRows(db: Database): Promise<Map<string, string[]>> {
  return db.withClient(async (client: pg.Client) => {
    const rows = new Map<string, string[]>();
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query("SET LOCAL timezone = 'UTC'");
    for (const table of APPLICATION_TABLES) {
      const columns = (await storedColumns(client, table)).map((c) => `"${c}"`).join(', ');
      const result = await client.query<{ line: string }>(
        `SELECT json_build_array(${columns})::text AS line FROM "${table}"`,
      );
      rows.set(table, result.rows.map((row) => row.line).sort());
    }
    await client.query('COMMIT');
    return rows;
  });
}

/** Reads `tableRows` of a data directory or PostgreSQL database, opening and closing it. */
export async function rowsOf(database: { dataDir: string; databaseUrl?: string }) {
  const db = await openDatabase(database);
  try {
    return await tableRows(db);
  } finally {
    await db.close();
  }
}

/** Every file under `dir`, relative path to its bytes. */
export async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full), await readFile(full));
  }
  return files;
}
