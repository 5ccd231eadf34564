import { type INestApplication } from '@nestjs/common';
import {
  applyMigrations,
  openDatabase,
  readMigrations,
  seedDemoContent,
  type Database,
  type SeedContent,
} from '@inkwell/prisma';
import { createScratchPostgresDatabase, type ScratchDatabase } from '@inkwell/prisma/testing';
import supertest from 'supertest';
import { loadConfig } from '../src/config/config.js';
import { createApp } from '../src/create-app.js';

export type EngineKind = 'pglite' | 'postgres';
export const engineKinds: EngineKind[] = ['pglite', 'postgres'];

export interface TestApi {
  app: INestApplication;
  http: ReturnType<typeof supertest>;
  db: Database;
  /** The PostgreSQL scratch database, when kind is 'postgres'. */
  scratch: ScratchDatabase | null;
  /** SQL statements Prisma sent since the last `resetQueries()`. */
  queries: string[];
  resetQueries(): void;
  close(): Promise<void>;
}

/** A real API over a real, migrated database (in-memory PGlite or a scratch PostgreSQL database). */
export async function startTestApi(kind: EngineKind, content: SeedContent): Promise<TestApi> {
  const queries: string[] = [];
  const onQuery = (sql: string) => queries.push(sql);
  const scratch = kind === 'postgres' ? await createScratchPostgresDatabase('inkwell_api') : null;
  const db = await openDatabase({ databaseUrl: scratch?.url, dataDir: 'memory://', onQuery });
  await db.withScriptRunner(async (runner) => applyMigrations(runner, await readMigrations()));
  await seedDemoContent(db.prisma, content);
  const config = loadConfig({ SEED_DEMO_CONTENT: 'false', MIGRATE_ON_START: 'false' });
  const app = await createApp(config, { database: db, logger: false });
  await app.init();
  return {
    app,
    http: supertest(app.getHttpServer()),
    db,
    scratch,
    queries,
    resetQueries: () => {
      queries.length = 0;
    },
    close: async () => {
      await app.close();
      await db.close();
      await scratch?.drop();
    },
  };
}
