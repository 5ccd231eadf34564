/**
 * The newest demo post as the API serves it (the post `npm run bench:load` reads): an in-process
 * API over in-memory PGlite with the demo content, asked for `GET /api/posts/:slug` once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Server } from 'node:http';
import { applyMigrations, openDatabase, readMigrations, seedDemoContent } from '@inkwell/prisma';
import { demoCategories, demoPosts } from '@inkwell/prisma/demo-content';
import { loadConfig } from '../../apps/api/src/config/config.js';
import { createApp } from '../../apps/api/src/create-app.js';

export interface RealPost {
  slug: string;
  /** The view, as the API's JSON answer parses. */
  view: unknown;
  /** The answer's bytes. */
  json: Buffer;
}

export async function loadRealPost(): Promise<RealPost> {
  const db = await openDatabase({ dataDir: 'memory://' });
  await db.withScriptRunner(async (runner) => applyMigrations(runner, await readMigrations()));
  await seedDemoContent(db.prisma, { categories: demoCategories, posts: demoPosts });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'inkwell-bench-cache-'));
  const app = await createApp(
    loadConfig({ DATA_DIR: dataDir, SEED_DEMO_CONTENT: 'false', MIGRATE_ON_START: 'false' }),
    { database: db, logger: false },
  );
  try {
    await app.listen(0, '127.0.0.1');
    const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
    const api = `http://127.0.0.1:${port}/api/posts`;
    const listing = (await (await fetch(api)).json()) as { items: Array<{ slug: string }> };
    const slug = listing.items[0]!.slug;
    const response = await fetch(`${api}/${slug}`);
    if (!response.ok) throw new Error(`GET /api/posts/${slug} answered ${response.status}`);
    const json = Buffer.from(await response.arrayBuffer());
    return { slug, view: JSON.parse(json.toString('utf8')), json };
  } finally {
    await app.close();
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
