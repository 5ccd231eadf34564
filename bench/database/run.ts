/**
 * Embedded database benchmark: what serving PGlite from its owner's worker thread over a Unix
 * socket costs per query, against PGlite on the event loop (how Inkwell ran it before) and
 * PostgreSQL; and the idle memory of the API on the embedded default.
 * - 1,000 sequential `prisma.user.findUnique` by id, after 100 to warm up, in three rounds that
 *   take turns between the setups (the best round counts: the machine is shared);
 * - RSS of an API process (demo content seeded) 5 s after it started listening: from source, and
 *   built when apps/api/dist exists (new data directory, then reopened).
 * Prints a Markdown table.
 */
import { existsSync } from 'node:fs';
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
import { freePort, startApiProcess, startProcess } from '@inkwell/test-stack';

const LOOKUPS = 1_000;
const WARM_UP = 100;
const ROUNDS = 3;

/** Milliseconds for LOOKUPS sequential lookups of one user, best of ROUNDS. */
async function timeLookups(prisma: PrismaClient): Promise<() => Promise<number>> {
  const { id } = await prisma.user.upsert({
    where: { email: 'bench@example.com' },
    create: { email: 'bench@example.com', name: 'bench', role: 'ADMIN', passwordHash: 'x' },
    update: {},
  });
  for (let i = 0; i < WARM_UP; i++) await prisma.user.findUnique({ where: { id } });
  return async () => {
    const started = performance.now();
    for (let i = 0; i < LOOKUPS; i++) await prisma.user.findUnique({ where: { id } });
    return performance.now() - started;
  };
}

interface Setup {
  name: string;
  run: () => Promise<number>;
  close: () => Promise<void>;
}

async function migrated(db: Database): Promise<Database> {
  await db.withScriptRunner(async (runner) => applyMigrations(runner, await readMigrations()));
  return db;
}

function setupOf(name: string, db: Database, run: () => Promise<number>): Setup {
  return { name, run, close: () => db.close() };
}

/** Before: PGlite in this process, on the event loop, over its in-process Prisma adapter. */
async function inProcessPGlite(dataDir: string): Promise<Setup> {
  const pglite = await PGlite.create(path.join(dataDir, 'pglite'), { extensions: { pg_trgm } });
  await applyMigrations(
    {
      query: (text, params) => pglite.query(text, params),
      exec: (sql) => pglite.exec(sql).then(() => {}),
    },
    await readMigrations(),
  );
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    name: 'PGlite on the event loop (before)',
    run: await timeLookups(prisma),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/** After: the owner's worker thread, reached over the socket by the owner and by a command. */
async function throughOwner(dataDir: string): Promise<Setup[]> {
  const owner = await migrated(await openDatabase({ dataDir }));
  const command = await openDatabase({ dataDir });
  return [
    setupOf('PGlite owner thread, via socket: the API', owner, await timeLookups(owner.prisma)),
    setupOf(
      'PGlite owner thread, via socket: a command',
      command,
      await timeLookups(command.prisma),
    ),
  ];
}

async function postgres(): Promise<Setup> {
  const scratch = await createScratchPostgresDatabase('inkwell_bench_db');
  const db = await migrated(await openDatabase({ databaseUrl: scratch.url, dataDir: '' }));
  return {
    name: 'PostgreSQL 15, TCP loopback',
    run: await timeLookups(db.prisma),
    close: async () => {
      await db.close();
      await scratch.drop();
    },
  };
}

const builtApi = path.resolve(import.meta.dirname, '../../apps/api/dist/main.js');

/** RSS of an API process 5 s after it listened: from source, or built (`npx nx run api:build`). */
async function idleApiRssMiB(dataDir: string, built: boolean): Promise<number> {
  const api = built
    ? await startProcess(process.execPath, [builtApi], {
        env: { ...process.env, DATA_DIR: dataDir, API_PORT: String(await freePort()) },
        ready: /API listening on/,
      })
    : await startApiProcess({ DATA_DIR: dataDir });
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
    [1, 2, 3, 4].map(() => mkdtemp(path.join(tmpdir(), 'inkwell-bench-db-'))),
  );
  const setups: Setup[] = [];
  try {
    setups.push(await inProcessPGlite(dirs[0]!), ...(await throughOwner(dirs[1]!)));
    setups.push(await postgres());
    const best = setups.map(() => Infinity);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, setup] of setups.entries()) best[i] = Math.min(best[i]!, await setup.run());
    }
    console.log(`| setup | ${LOOKUPS} findUnique (s) | per query (ms) |`);
    console.log('| --- | ---: | ---: |');
    for (const [i, setup] of setups.entries()) {
      const ms = best[i]!;
      console.log(`| ${setup.name} | ${(ms / 1000).toFixed(2)} | ${(ms / LOOKUPS).toFixed(2)} |`);
    }
    for (const setup of setups.reverse()) await setup.close();
    setups.length = 0;
    console.log('\n| idle API on the embedded default | RSS (MiB) |\n| --- | ---: |');
    const runs: Array<[string, boolean]> = [['from source (tsx), new data directory', false]];
    if (existsSync(builtApi)) {
      runs.push(['built, new data directory', true], ['built, reopened', true]);
    }
    for (const [name, built] of runs) {
      const dataDir = built && name.includes('new') ? dirs[3]! : dirs[2]!;
      console.log(`| ${name} | ${(await idleApiRssMiB(dataDir, built)).toFixed(0)} |`);
    }
  } finally {
    for (const setup of setups.reverse()) await setup.close();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

await main();
