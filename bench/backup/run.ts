/**
 * Backup and restore benchmark (`npm run bench:backup`): for each blog size, a backup of the
 * embedded database while the API runs it, and how long a query from another client waited
 * meanwhile (the snapshot holds PGlite's one session); then a restore into a new data folder
 * (PGlite, its creation included) and into a new PostgreSQL database, and a backup of that
 * PostgreSQL database. Prints a Markdown table.
 *
 *   npm run bench:backup [-- --posts 35,1000]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backup, restore, type Manifest } from '@inkwell/backup';
import { openDatabase } from '@inkwell/prisma';
import { createScratchPostgresDatabase } from '@inkwell/prisma/testing';
import { startApiProcess } from '@inkwell/test-stack';
import { seedBlog } from '../load/blog.js';

const { values } = parseArgs({ options: { posts: { type: 'string', default: '35,1000' } } });
const sizes = values.posts.split(',').map(Number);

interface Row {
  posts: number;
  rows: number;
  megabytes: number;
  backupSeconds: number;
  databaseMs: number;
  longestWaitMs: number;
  restorePGliteSeconds: number;
  restorePostgresSeconds: number;
  backupPostgresSeconds: number;
}

const seconds = (started: number): number => (performance.now() - started) / 1000;
const progress = (message: string): void => void process.stderr.write(`${message}\n`);

/** Runs `work` while another client queries the database in a loop; the longest query's ms. */
async function longestWaitDuring(dataDir: string, work: () => Promise<void>): Promise<number> {
  const probe = await openDatabase({ dataDir });
  let running = true;
  let longest = 0;
  const probing = (async () => {
    while (running) {
      const started = performance.now();
      await probe.sql.query('SELECT count(*) FROM "Post"');
      longest = Math.max(longest, performance.now() - started);
    }
  })();
  try {
    await work();
  } finally {
    running = false;
    await probing;
    await probe.close();
  }
  return longest;
}

async function measure(posts: number): Promise<Row> {
  const work = await mkdtemp(path.join(tmpdir(), 'inkwell-bench-backup-'));
  const postgres = await createScratchPostgresDatabase('inkwell_bench_backup');
  try {
    const source = path.join(work, 'source');
    await seedBlog(source, posts);
    const api = await startApiProcess({ DATA_DIR: source });
    let manifest: Manifest | undefined;
    let databaseMs = 0;
    let backupSeconds = 0;
    const folder = path.join(work, 'backup');
    try {
      const longestWaitMs = await longestWaitDuring(source, async () => {
        const started = performance.now();
        manifest = await backup({
          dataDir: source,
          folder,
          log: (line) => {
            const match = /\((\d+) ms\)/.exec(line);
            if (match) databaseMs = Number(match[1]);
          },
        });
        backupSeconds = seconds(started);
      });
      progress(`${posts} posts: backup ${backupSeconds.toFixed(2)} s`);
      let started = performance.now();
      await restore({ dataDir: path.join(work, 'restored'), folder });
      const restorePGliteSeconds = seconds(started);
      started = performance.now();
      const postgresDataDir = path.join(work, 'restored-postgres');
      await restore({ databaseUrl: postgres.url, dataDir: postgresDataDir, folder });
      const restorePostgresSeconds = seconds(started);
      started = performance.now();
      await backup({
        databaseUrl: postgres.url,
        dataDir: postgresDataDir,
        folder: path.join(work, 'backup-postgres'),
      });
      const backupPostgresSeconds = seconds(started);
      const files = [...manifest!.tables, ...manifest!.uploads];
      return {
        posts,
        rows: manifest!.tables.reduce((sum, table) => sum + table.rows, 0),
        megabytes: files.reduce((sum, file) => sum + file.bytes, 0) / 1_048_576,
        backupSeconds,
        databaseMs,
        longestWaitMs,
        restorePGliteSeconds,
        restorePostgresSeconds,
        backupPostgresSeconds,
      };
    } finally {
      await api.stop();
    }
  } finally {
    await postgres.drop();
    await rm(work, { recursive: true, force: true });
  }
}

const load = loadavg()
  .map((value) => value.toFixed(2))
  .join(' ');
console.log(`npm run bench:backup, ${new Date().toISOString()}`);
console.log(`${cpus().length} cores, Node ${process.version}, load average ${load} at start`);
console.log('');
console.log(
  '| posts | rows | backup MB | backup (PGlite, API running) s | snapshot ms | longest query wait ms | restore into new PGlite s | restore into PostgreSQL s | backup of PostgreSQL s |',
);
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
// Each row as soon as it is measured.
for (const posts of sizes) {
  const row = await measure(posts);
  console.log(
    `| ${row.posts} | ${row.rows} | ${row.megabytes.toFixed(1)} | ${row.backupSeconds.toFixed(2)} | ${row.databaseMs} | ${row.longestWaitMs.toFixed(0)} | ${row.restorePGliteSeconds.toFixed(2)} | ${row.restorePostgresSeconds.toFixed(2)} | ${row.backupPostgresSeconds.toFixed(2)} |`,
  );
}
