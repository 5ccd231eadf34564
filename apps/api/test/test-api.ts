import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type INestApplication } from '@nestjs/common';
import { type ThumbnailEngine } from '@inkwell/assets/thumbnails';
import {
  applyMigrations,
  openDatabase,
  readMigrations,
  seedDemoContent,
  type Database,
  type SeedContent,
} from '@inkwell/prisma';
import { createScratchPostgresDatabase, type ScratchDatabase } from '@inkwell/prisma/testing';
import { type Logger } from 'pino';
import { type Registry } from 'prom-client';
import supertest from 'supertest';
import { loadConfig } from '../src/config/config.js';
import { METRICS_REGISTRY } from '../src/core/tokens.js';
import { createApp } from '../src/create-app.js';
import { SearchModule } from '../src/search/search.module.js';
import { TEST_PASSWORD_HASH_COST } from '@inkwell/test-stack';
import { type ContractWatch, watchContractAnswers } from './contract-answers.js';

export type EngineKind = 'pglite' | 'postgres';
export const engineKinds: EngineKind[] = ['pglite', 'postgres'];

export interface TestApi {
  app: INestApplication;
  http: ReturnType<typeof supertest>;
  db: Database;
  /** DATA_DIR of this API: a fresh temporary folder. */
  dataDir: string;
  /** The PostgreSQL scratch database, when kind is 'postgres'. */
  scratch: ScratchDatabase | null;
  /** SQL statements Prisma sent since the last `resetQueries()`. */
  queries: string[];
  resetQueries(): void;
  /** Every answer is checked against the contract; `close()` fails on any breach. */
  contract: ContractWatch;
  /** The Prometheus text a scrape of this API's metrics answers now. */
  metrics(): Promise<string>;
  close(): Promise<void>;
}

/** A real API over a real, migrated database (in-memory PGlite or a scratch PostgreSQL database). */
export async function startTestApi(
  kind: EngineKind,
  content: SeedContent,
  options: {
    thumbnailEngine?: ThumbnailEngine;
    env?: Record<string, string>;
    /** Where the API logs (a logger over a stream the test reads); default: nowhere. */
    logger?: Logger;
  } = {},
): Promise<TestApi> {
  const queries: string[] = [];
  const onQuery = (sql: string) => queries.push(sql);
  const scratch = kind === 'postgres' ? await createScratchPostgresDatabase('inkwell_api') : null;
  const db = await openDatabase({ databaseUrl: scratch?.url, dataDir: 'memory://', onQuery });
  await db.withScriptRunner(async (runner) => applyMigrations(runner, await readMigrations()));
  await seedDemoContent(db.prisma, content);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'inkwell-api-test-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    SEED_DEMO_CONTENT: 'false',
    MIGRATE_ON_START: 'false',
    // Test users' hashes (TEST_SCRYPT) are this cheap; production hashes use 17.
    PASSWORD_HASH_COST: TEST_PASSWORD_HASH_COST,
    ...options.env,
  });
  const app = await createApp(config, {
    database: db,
    logger: options.logger ?? false,
    thumbnailEngine: options.thumbnailEngine,
  });
  // Measurements and assertions start on a settled API, not one still filling its search index.
  await app.get(SearchModule).indexPrepared();
  const contract = watchContractAnswers(app.getHttpServer());
  return {
    app,
    http: supertest(app.getHttpServer()),
    db,
    dataDir,
    scratch,
    queries,
    resetQueries: () => {
      queries.length = 0;
    },
    contract,
    metrics: () => app.get<Registry>(METRICS_REGISTRY).metrics(),
    close: async () => {
      contract.stop();
      await app.close();
      await db.close();
      await scratch?.drop();
      await rm(dataDir, { recursive: true, force: true });
      if (contract.breaches.length > 0) {
        throw new Error(`Answers that break the contract:\n${contract.breaches.join('\n')}`);
      }
    },
  };
}
