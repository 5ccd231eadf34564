import path from 'node:path';
import { LOG_LEVELS, type LogLevel } from '@nestjs/common';
import { z } from 'zod';

/**
 * Every setting Inkwell reads from the environment, parsed once at start. Unset or empty values
 * take the embedded defaults: PGlite, in-process cache, PostgreSQL-backed search.
 */
export interface ConfigVariable {
  name: string;
  description: string;
  default: string;
  sensitive: boolean;
}

export const configVariables: ConfigVariable[] = [
  {
    name: 'DATABASE_URL',
    description: 'PostgreSQL connection string. Unset: the embedded PGlite database in DATA_DIR.',
    default: '(unset)',
    sensitive: true,
  },
  {
    name: 'DATA_DIR',
    description: 'Where the embedded database, uploaded images and thumbnails live.',
    default: './data',
    sensitive: false,
  },
  {
    name: 'REDIS_URL',
    description: 'redis:// URL. Set: caches, locks and realtime fan-out go through Redis.',
    default: '(unset: in-process)',
    sensitive: true,
  },
  {
    name: 'ELASTICSEARCH_URL',
    description: 'Elasticsearch URL. Set: search uses Elasticsearch instead of PostgreSQL.',
    default: '(unset: PostgreSQL search)',
    sensitive: true,
  },
  {
    name: 'CACHE_NAMESPACE',
    description:
      'Prefix of every cache key and name of the realtime Redis channel: lets several sites share one Redis.',
    default: 'inkwell',
    sensitive: false,
  },
  {
    name: 'CACHE_MAX_ENTRIES',
    description:
      'Most entries the in-process cache keeps (without REDIS_URL); the least recently used go first.',
    default: '10000',
    sensitive: false,
  },
  {
    name: 'API_HOST',
    description: 'Interface the API listens on.',
    default: '127.0.0.1',
    sensitive: false,
  },
  { name: 'API_PORT', description: 'Port the API listens on.', default: '3001', sensitive: false },
  {
    name: 'MIGRATE_ON_START',
    description: 'Apply pending migrations at start. Default: true for the embedded database.',
    default: 'true with PGlite, false with DATABASE_URL',
    sensitive: false,
  },
  {
    name: 'DATABASE_STATEMENT_TIMEOUT_MS',
    description:
      'A request whose database query runs (or waits) longer answers 503; 0 turns it off. ' +
      'Command-line tasks are exempt.',
    default: '5000',
    sensitive: false,
  },
  {
    name: 'SEED_DEMO_CONTENT',
    description: 'Write the demo posts into an empty database at start.',
    default: 'true',
    sensitive: false,
  },
  {
    name: 'OUTBOX_POLL_INTERVAL_MS',
    description:
      'How often the API looks for side effects that are due: scheduled posts whose date came, ' +
      'retries, and events a crash left undone. Writes run theirs at once regardless.',
    default: '1000',
    sensitive: false,
  },
  {
    name: 'OUTBOX_RETENTION_HOURS',
    description: 'How long done events stay in the OutboxEvent table before they are deleted.',
    default: '168',
    sensitive: false,
  },
  {
    name: 'OUTBOX_KILL_MARKER',
    description:
      'Tests only: a file path; while that file exists, the API kills itself (SIGKILL) right ' +
      'after a write commits, before its side effects, as a crash would.',
    default: '(unset)',
    sensitive: false,
  },
  {
    name: 'LOG_LEVEL',
    description: `Least severe log level printed: ${LOG_LEVELS.join(', ')}.`,
    default: 'log',
    sensitive: false,
  },
];

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    error: 'must be one of true, false, 1, 0, yes, no',
  })
  .transform((value) => ['true', '1', 'yes'].includes(value));

const envSchema = z.object({
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgresql:// URL')
      .optional(),
  ),
  DATA_DIR: optionalString,
  REDIS_URL: optionalString.pipe(
    z
      .string()
      .regex(/^rediss?:\/\/.+/, 'must be a redis:// or rediss:// URL')
      .optional(),
  ),
  ELASTICSEARCH_URL: optionalString.pipe(
    z
      .string()
      .regex(/^https?:\/\/.+/, 'must be an http:// or https:// URL')
      .optional(),
  ),
  CACHE_NAMESPACE: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1-40 letters, digits, _ or -')
      .optional(),
  ),
  CACHE_MAX_ENTRIES: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number')
      .transform(Number)
      .pipe(z.number().min(1, 'must be at least 1'))
      .optional(),
  ),
  API_HOST: optionalString,
  API_PORT: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a port number')
      .transform(Number)
      .pipe(z.number().max(65535, 'must be between 0 and 65535'))
      .optional(),
  ),
  MIGRATE_ON_START: optionalString.pipe(booleanFlag.optional()),
  DATABASE_STATEMENT_TIMEOUT_MS: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a number of milliseconds')
      .transform(Number)
      .pipe(z.number().max(3_600_000, 'must be at most 3600000 (one hour)'))
      .optional(),
  ),
  SEED_DEMO_CONTENT: optionalString.pipe(booleanFlag.optional()),
  OUTBOX_POLL_INTERVAL_MS: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a number of milliseconds')
      .transform(Number)
      .pipe(z.number().min(10, 'must be at least 10').max(3_600_000, 'must be at most 3600000'))
      .optional(),
  ),
  OUTBOX_RETENTION_HOURS: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number of hours')
      .transform(Number)
      .pipe(z.number().min(1, 'must be at least 1'))
      .optional(),
  ),
  OUTBOX_KILL_MARKER: optionalString,
  LOG_LEVEL: optionalString.pipe(
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
  ),
});

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  elasticsearchUrl: string | undefined;
  cacheNamespace: string;
  cacheMemoryMaxEntries: number;
  host: string;
  port: number;
  migrateOnStart: boolean;
  seedDemoContent: boolean;
  logLevel: LogLevel;
  /** Limit on each request query; 0: none. */
  statementTimeoutMs: number;
  outbox: { pollIntervalMs: number; retentionMs: number; killMarker: string | undefined };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const values = parsed.data;
  return {
    databaseUrl: values.DATABASE_URL,
    dataDir: path.resolve(values.DATA_DIR ?? './data'),
    redisUrl: values.REDIS_URL,
    elasticsearchUrl: values.ELASTICSEARCH_URL,
    cacheNamespace: values.CACHE_NAMESPACE ?? 'inkwell',
    cacheMemoryMaxEntries: values.CACHE_MAX_ENTRIES ?? 10_000,
    host: values.API_HOST ?? '127.0.0.1',
    port: values.API_PORT ?? 3001,
    migrateOnStart: values.MIGRATE_ON_START ?? values.DATABASE_URL === undefined,
    seedDemoContent: values.SEED_DEMO_CONTENT ?? true,
    logLevel: values.LOG_LEVEL ?? 'log',
    statementTimeoutMs: values.DATABASE_STATEMENT_TIMEOUT_MS ?? 5_000,
    outbox: {
      pollIntervalMs: values.OUTBOX_POLL_INTERVAL_MS ?? 1_000,
      retentionMs: (values.OUTBOX_RETENTION_HOURS ?? 168) * 60 * 60 * 1000,
      killMarker: values.OUTBOX_KILL_MARKER,
    },
  };
}
