/**
 * Embedded database benchmark: what serving PGlite from its owner's worker thread over a Unix
 * socket costs per query, against PGlite on the event loop (how Inkwell ran it before) and
 * PostgreSQL; and the idle memory of the API on the embedded default.
 * - 1,000 sequential `prisma.user.findUnique` by id, after 100 to warm up;
 * - RSS of an API process (from source, demo content seeded) 5 s after it started listening.
 * Prints a Markdown table.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import {
  applyMigrations,
  openDatabase,
  PrismaClient,
  readMigrations,
  type Database,
} from '@inkwell/prisma';
import { createScratchPostgresDatabase } from '@inkwell/prisma/testing';
import { startApiProcess } from '../../apps/api/test/processes.js';

const LOOKUPS = 1_000;
const WARM_UP = 100;

async function timeLookups(prisma: PrismaClient): Promise<number> {
  const { id } = await prisma.user.create({
    data: { email: 'bench@example.com', name: 'bench', role: 'ADMIN', passwordHash: 'x' },
  });
  for (let i = 0; i < WARM_UP; i++) await prisma.user.findUnique({ where: { id } });
  const started = performance.now();
  for (let i = 0; i < LOOKUPS; i++) await prisma.user.findUnique({ where: { id } });
  return performance.now() - started;
}

async function migrated(db: Database): Promise<Database> {
  await db.withScriptRunner(async (runner) => applyMigrations(runner, await readMigrations()));
  return db;
}

/** Before: PGlite in this process, on the event loop, over its in-process Prisma adapter. */
async function inProcessPGlite(dataDir: string): Promise<number> {
  const pglite = await PGlite.create(path.join(dataDir, 'pglite'), { extensions: { pg_trgm } });
  const migrations = await readMigrations();
  await applyMigrations(
    {
      query: (text, params) => pglite.query(text, params),
      exec: (sql) => pglite.exec(sql).then(() => {}),
    },
    migrations,
  );
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  try {
    return await timeLookups(prisma);
  } finally {
    await prisma.$disconnect();
    await pglite.close();
  }
}

async function throughOwner(dataDir: string): Promise<{ owner: number; client: number }> {
  const owner = await migrated(await openDatabase({ dataDir }));
  try {
    const ownerMs = await timeLookups(owner.prisma);
    await owner.prisma.user.deleteMany();
    // A second opener (a command-line task) is a client of the owner, like the API's own pool.
    const client = await openDatabase({ dataDir });
    try {
      return { owner: ownerMs, client: await timeLookups(client.prisma) };
    } finally {
      await client.close();
    }
  } finally {
    await owner.close();
  }
}

async function postgres(): Promise<number> {
  const scratch = await createScratchPostgresDatabase('inkwell_bench_db');
  const db = await migrated(await openDatabase({ databaseUrl: scratch.url, dataDir: '' }));
  try {
    return await timeLookups(db.prisma);
  } finally {
    await db.close();
    await scratch.drop();
  }
}

async function idleApiRssMiB(dataDir: string): Promise<number> {
  const api = await startApiProcess({ DATA_DIR: dataDir });
  try {
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const status = await readFile(`/proc/${api.child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
  } finally {
    await api.stop();
  }
}

async function main(): Promise<void> {
  console.log(
    `${cpus()[0]?.model} (${cpus().length} cores), Node ${process.version}, ` +
      `load average ${loadavg()[0]!.toFixed(1)} at start\n`,
  );
  const dirs = await Promise.all(
    [1, 2, 3].map(() => mkdtemp(path.join(tmpdir(), 'inkwell-bench-db-'))),
  );
  try {
    const before = await inProcessPGlite(dirs[0]!);
    const after = await throughOwner(dirs[1]!);
    const reference = await postgres();
    const rows: Array<[string, number]> = [
      ['PGlite on the event loop (before)', before],
      ['PGlite owner thread, via socket: the API', after.owner],
      ['PGlite owner thread, via socket: a command', after.client],
      ['PostgreSQL 15, TCP loopback', reference],
    ];
    console.log(`| setup | ${LOOKUPS} findUnique (s) | per query (ms) |`);
    console.log('| --- | ---: | ---: |');
    for (const [name, ms] of rows) {
      console.log(`| ${name} | ${(ms / 1000).toFixed(2)} | ${(ms / LOOKUPS).toFixed(2)} |`);
    }
    console.log(
      `\nIdle API RSS on the embedded default: ${(await idleApiRssMiB(dirs[2]!)).toFixed(0)} MiB`,
    );
  } finally {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

await main();
