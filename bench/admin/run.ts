/**
 * Admin benchmark: the author's everyday waits, with 10,000 posts (10% drafts, 8 categories,
 * 7,500 comments) in PGlite (in-process) and in a scratch PostgreSQL database on loopback.
 * - opening the post list: GET /api/admin/posts (first page of 20, newest edit first), plus a
 *   title search and a category filter sorted by publication date;
 * - saving a post: PUT /api/admin/posts/:id with a changed body, 200 saves on random posts,
 *   each carrying its current version (the save runs its transaction and emits post.saved to
 *   the wired subscribers: cache invalidation, search indexing, realtime hints).
 * - creating a post whose title 400 posts already use: its slug is the first free `-N`.
 * Requests go over loopback HTTP to the real app, one at a time. Prints a Markdown table.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { type INestApplication } from '@nestjs/common';
import { applyMigrations, openDatabase, readMigrations, type Database } from '@inkwell/prisma';
import { createScratchPostgresDatabase } from '@inkwell/prisma/testing';
import { createUser } from '../../apps/api/src/auth/create-user.js';
import { loadConfig } from '../../apps/api/src/config/config.js';
import { createApp } from '../../apps/api/src/create-app.js';

const POSTS = 10_000;
const LIST_RUNS = 100;
const SAVES = 200;
const CREATES = 50;
const WARM_UP = 10;
const PASSWORD = 'benchmark-password';

async function seed(db: Database): Promise<void> {
  await db.sql.query(`
    INSERT INTO "Category" (name, slug)
    SELECT 'Category ' || g, 'category-' || g FROM generate_series(1, 8) g`);
  await db.sql.query(`
    INSERT INTO "Post" (slug, title, summary, body, status, "publishedAt", "updatedAt", version)
    SELECT 'bench-post-' || g, 'Bench post number ' || g, 'Summary ' || g,
           repeat('Some **Markdown** paragraph about databases. ', 60),
           (CASE WHEN g % 10 = 0 THEN 'DRAFT' ELSE 'PUBLISHED' END)::"PostStatus",
           CASE WHEN g % 10 = 0 THEN NULL ELSE now() - g * interval '1 hour' END,
           now() - g * interval '1 minute', 1
    FROM generate_series(1, ${POSTS}) g`);
  await db.sql.query(`
    INSERT INTO "PostCategory" ("postId", "categoryId")
    SELECT p.id, c.id FROM "Post" p JOIN "Category" c ON c.slug = 'category-' || (p.id % 8 + 1)
    UNION
    SELECT p.id, c.id FROM "Post" p JOIN "Category" c ON c.slug = 'category-' || ((p.id + 3) % 8 + 1)
    WHERE p.id % 5 = 0`);
  await db.sql.query(`
    INSERT INTO "Comment" ("postId", "authorName", "authorEmail", body, approved)
    SELECT p.id, 'Reader ' || n, 'reader' || n || '@example.com', 'A comment', n < 3
    FROM "Post" p CROSS JOIN generate_series(1, 3) n WHERE p.id % 4 = 0`);
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

async function timed(runs: number, request: (i: number) => Promise<void>): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i += 1) await request(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await request(WARM_UP + i);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

interface Row {
  engine: string;
  case: string;
  runs: number;
  p50: number;
  p99: number;
}

async function runOn(engine: 'PGlite' | 'PostgreSQL'): Promise<Row[]> {
  const scratch =
    engine === 'PostgreSQL' ? await createScratchPostgresDatabase('inkwell_bench_admin') : null;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'inkwell-bench-admin-'));
  const db = await openDatabase({ databaseUrl: scratch?.url, dataDir: 'memory://' });
  let app: INestApplication | null = null;
  try {
    await db.withScriptRunner(async (runner) => applyMigrations(runner, await readMigrations()));
    const seedStart = performance.now();
    await seed(db);
    console.error(
      `${engine}: seeded ${POSTS} posts in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );
    await createUser(db.prisma, { email: 'bench@example.com', password: PASSWORD });
    const config = loadConfig({
      DATA_DIR: dataDir,
      SEED_DEMO_CONTENT: 'false',
      MIGRATE_ON_START: 'false',
    });
    app = await createApp(config, { database: db, logger: false });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    const base = `http://127.0.0.1:${port}`;
    const login = (await (
      await fetch(`${base}/api/admin/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'bench@example.com', password: PASSWORD }),
      })
    ).json()) as { token: string; csrfToken: string };
    const headers = {
      authorization: `Bearer ${login.token}`,
      'x-csrf-token': login.csrfToken,
      'content-type': 'application/json',
    };
    const get = async (url: string) => {
      const res = await fetch(`${base}${url}`, { headers });
      if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { total: number };
      if (body.total === 0) throw new Error(`${url}: empty list`);
    };
    const rows: Row[] = [];
    const add = (name: string, times: number[]) =>
      rows.push({
        engine,
        case: name,
        runs: times.length,
        p50: percentile(times, 0.5),
        p99: percentile(times, 0.99),
      });

    add('post list, page 1 of 20', await timed(LIST_RUNS, () => get('/api/admin/posts')));
    add(
      'post list, title search',
      await timed(LIST_RUNS, (i) => get(`/api/admin/posts?q=number ${(i % 90) + 10}`)),
    );
    add(
      'post list, category + sort by published',
      await timed(LIST_RUNS, (i) =>
        get(`/api/admin/posts?category=category-${(i % 8) + 1}&status=published&sort=published`),
      ),
    );
    const versions = new Map<number, number>();
    add(
      'save a post (PUT, new body)',
      await timed(SAVES, async (i) => {
        const id = 1 + ((i * 7919) % POSTS);
        const version = versions.get(id) ?? 1;
        const res = await fetch(`${base}/api/admin/posts/${id}`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({
            version,
            body: `Edited body ${i}\n\n${'More text. '.repeat(200)}`,
          }),
        });
        if (res.status !== 200) throw new Error(`save ${id}: ${res.status} ${await res.text()}`);
        versions.set(id, version + 1);
      }),
    );
    // 400 posts already use this title: the next create must find `-401` without probing each.
    await db.sql.query(`
      INSERT INTO "Post" (slug, title, body, "updatedAt")
      SELECT 'weekly-notes' || CASE WHEN g = 1 THEN '' ELSE '-' || g END, 'Weekly notes', '', now()
      FROM generate_series(1, 400) g`);
    add(
      'create a post whose title 400+ posts use',
      await timed(CREATES, async () => {
        const res = await fetch(`${base}/api/admin/posts`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ title: 'Weekly notes', body: 'Text' }),
        });
        if (res.status !== 201) throw new Error(`create: ${res.status} ${await res.text()}`);
      }),
    );
    return rows;
  } finally {
    await app?.close();
    await db.close();
    await scratch?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const rows = [...(await runOn('PGlite')), ...(await runOn('PostgreSQL'))];
console.log(
  `${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}, Node ${process.version}, ${POSTS} posts\n`,
);
console.log('| database | case | requests | p50 ms | p99 ms |');
console.log('| --- | --- | ---: | ---: | ---: |');
for (const row of rows) {
  console.log(
    `| ${row.engine} | ${row.case} | ${row.runs} | ${row.p50.toFixed(1)} | ${row.p99.toFixed(1)} |`,
  );
}
