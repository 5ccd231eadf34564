import path from 'node:path';
import {
  defaultLogFormat,
  LOG_FORMATS,
  LOG_LEVEL_NAMES,
  type LogFormat,
  type LogLevelName,
} from '@inkwell/telemetry';
import { z } from 'zod';
import { DEFAULT_PASSWORD_HASH_COST } from '../auth/password-hash.js';
import { parseTrustProxy } from './trust-proxy.js';

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
    name: 'SHUTDOWN_TIMEOUT_MS',
    description:
      'On SIGTERM or SIGINT, how long requests in flight may take to finish before their ' +
      'connections are cut and the process exits.',
    default: '10000',
    sensitive: false,
  },
  {
    name: 'SEED_DEMO_CONTENT',
    description: 'Write the demo posts into an empty database at start.',
    default: 'true',
    sensitive: false,
  },
  {
    name: 'PASSWORD_HASH_COST',
    description:
      'log2 of scrypt N for new password hashes (r=8, p=1); older hashes are redone at sign-in. ' +
      "17 is OWASP's recommendation (128 MB per hash); lower only for tests.",
    default: '17',
    sensitive: false,
  },
  {
    name: 'SESSION_IDLE_DAYS',
    description: 'An admin session unused this long ends; each use extends it again.',
    default: '7',
    sensitive: false,
  },
  {
    name: 'SESSION_ABSOLUTE_DAYS',
    description: 'An admin session ends this long after sign-in, however often it is used.',
    default: '30',
    sensitive: false,
  },
  {
    name: 'CACHE_PURGE_URL',
    description:
      'Called with the cache tags each write drops (one POST with {"tags": [...]}, or one per tag ' +
      'when the URL contains {tag}). Set: pages also allow shared caches CACHE_SHARED_MAX_AGE.',
    default: '(unset: no purge, no s-maxage)',
    sensitive: true,
  },
  {
    name: 'CACHE_PURGE_HEADERS',
    description: 'JSON object of extra headers for the purge call, e.g. an API token.',
    default: '{}',
    sensitive: true,
  },
  {
    name: 'CACHE_PURGE_TIMEOUT_MS',
    description: 'A purge call taking longer is abandoned, logged and counted as failed.',
    default: '5000',
    sensitive: false,
  },
  {
    name: 'CACHE_SHARED_MAX_AGE',
    description:
      's-maxage of public reads when CACHE_PURGE_URL is set: how long a CDN keeps them ' +
      'unless purged (scheduled posts appear within it).',
    default: '300',
    sensitive: false,
  },
  {
    name: 'TRUST_PROXY',
    description:
      'Proxies whose X-Forwarded-For the API believes (the site is one): a hop count, or ' +
      'comma-separated addresses, CIDR ranges, loopback, linklocal, uniquelocal.',
    default: 'loopback',
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
    name: 'SITE_URL',
    description:
      'Public URL of the site: the links in emails (the post, the moderation queue, unsubscribe) start with it.',
    default: 'http://localhost:3000',
    sensitive: false,
  },
  {
    name: 'SMTP_URL',
    description:
      'smtp:// or smtps:// URL of the mail server (user and password in it). Set: authors get an ' +
      'email when a comment awaits moderation, and commenters who ask for it when someone replies.',
    default: '(unset: no emails)',
    sensitive: true,
  },
  {
    name: 'SMTP_FROM',
    description: 'Sender of those emails: an address, or "Name <address>".',
    default: 'Inkwell <inkwell@the host of SITE_URL>',
    sensitive: false,
  },
  {
    name: 'LOG_LEVEL',
    description: `Least severe log level printed: ${LOG_LEVEL_NAMES.join(', ')} (log is info, verbose is trace).`,
    default: 'info',
    sensitive: false,
  },
  {
    name: 'LOG_FORMAT',
    description:
      'json: one JSON object per line; pretty: readable lines. Default: pretty when NODE_ENV is ' +
      'not production and standard output is a terminal, else json.',
    default: '(json, or pretty on a terminal)',
    sensitive: false,
  },
  {
    name: 'METRICS_PORT',
    description:
      'Port of the Prometheus endpoint (GET /metrics), apart from the API port. Unset: no metrics server.',
    default: '(unset: no metrics)',
    sensitive: false,
  },
  {
    name: 'METRICS_HOST',
    description: 'Interface the metrics server listens on.',
    default: '127.0.0.1',
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

/** A number of days for a session limit: fractions allowed (0.5 is 12 hours), at most a year. */
const days = z
  .string()
  .regex(/^\d+(\.\d+)?$/, 'must be a number of days')
  .transform(Number)
  .pipe(z.number().positive('must be more than 0').max(365, 'must be at most 365'));

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
  SHUTDOWN_TIMEOUT_MS: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a number of milliseconds')
      .transform(Number)
      .pipe(z.number().max(600_000, 'must be at most 600000 (ten minutes)'))
      .optional(),
  ),
  SEED_DEMO_CONTENT: optionalString.pipe(booleanFlag.optional()),
  PASSWORD_HASH_COST: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number')
      .transform(Number)
      .pipe(z.number().min(10, 'must be between 10 and 20').max(20, 'must be between 10 and 20'))
      .optional(),
  ),
  SESSION_IDLE_DAYS: optionalString.pipe(days.optional()),
  SESSION_ABSOLUTE_DAYS: optionalString.pipe(days.optional()),
  CACHE_PURGE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^https?:\/\/.+/, 'must be an http:// or https:// URL')
      .optional(),
  ),
  CACHE_PURGE_HEADERS: optionalString.pipe(
    z
      .string()
      .transform((text, context) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          context.addIssue({ code: 'custom', message: 'must be a JSON object' });
          return z.NEVER;
        }
      })
      .pipe(
        z.record(z.string(), z.string(), {
          error: 'must be a JSON object of header names to text values',
        }),
      )
      .optional(),
  ),
  CACHE_PURGE_TIMEOUT_MS: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a number of milliseconds')
      .transform(Number)
      .pipe(z.number().min(1, 'must be at least 1').max(60_000, 'must be at most 60000'))
      .optional(),
  ),
  CACHE_SHARED_MAX_AGE: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a number of seconds')
      .transform(Number)
      .pipe(z.number().max(31_536_000, 'must be at most 31536000 (a year)'))
      .optional(),
  ),
  TRUST_PROXY: optionalString.transform((value, context) => {
    if (value === undefined) return undefined;
    try {
      return parseTrustProxy(value);
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  }),
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
  SITE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, 'must be an http:// or https:// URL')
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  ),
  SMTP_URL: optionalString.pipe(
    z
      .string()
      .regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL')
      .optional(),
  ),
  SMTP_FROM: optionalString.pipe(
    z
      .string()
      .regex(
        /^([^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/,
        'must be an email address, or "Name <address>"',
      )
      .optional(),
  ),
  LOG_LEVEL: optionalString.pipe(
    z.enum(LOG_LEVEL_NAMES, { error: `must be one of ${LOG_LEVEL_NAMES.join(', ')}` }).optional(),
  ),
  LOG_FORMAT: optionalString.pipe(
    z.enum(LOG_FORMATS, { error: `must be one of ${LOG_FORMATS.join(', ')}` }).optional(),
  ),
  METRICS_PORT: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a port number')
      .transform(Number)
      .pipe(z.number().max(65535, 'must be between 0 and 65535'))
      .optional(),
  ),
  METRICS_HOST: optionalString,
  NODE_ENV: optionalString,
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
  log: { level: LogLevelName; format: LogFormat };
  /** Where Prometheus scrapes; unset: no metrics server. */
  metrics: { host: string; port: number } | undefined;
  /** Limit on each request query; 0: none. */
  statementTimeoutMs: number;
  /** log2 of scrypt N for password hashes. */
  passwordHashCost: number;
  /** Sliding idle window and absolute lifetime of an admin session. */
  sessionIdleDays: number;
  sessionAbsoluteDays: number;
  /** How long a stop waits for requests in flight. */
  shutdownTimeoutMs: number;
  /** Express's `trust proxy`: a hop count or trusted addresses and ranges. */
  trustProxy: number | string[];
  /** Where writes send the cache tags they drop; unset: no purge, and no `s-maxage`. */
  cachePurge: CachePurgeConfig | undefined;
  outbox: { pollIntervalMs: number; retentionMs: number; killMarker: string | undefined };
  /** Public URL of the site, without a trailing slash: links in emails start with it. */
  siteUrl: string;
  /** Where emails go out; unset: none are sent. */
  smtp: SmtpConfig | undefined;
}

export interface SmtpConfig {
  url: string;
  from: string;
}

export interface CachePurgeConfig {
  /** Called with a JSON body `{"tags": [...]}`, or once per tag when it contains `{tag}`. */
  url: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** `s-maxage` of public reads: a CDN keeps them this long unless purged. */
  sharedMaxAgeSeconds: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/**
 * `stdoutIsTTY` picks the default log format: readable lines for a person at a terminal,
 * JSON for everything else.
 */
export function loadConfig(
  env: Record<string, string | undefined>,
  { stdoutIsTTY = false }: { stdoutIsTTY?: boolean } = {},
): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const values = parsed.data;
  const sessionAbsoluteDays = values.SESSION_ABSOLUTE_DAYS ?? 30;
  const sessionIdleDays = values.SESSION_IDLE_DAYS ?? Math.min(7, sessionAbsoluteDays);
  if (sessionIdleDays > sessionAbsoluteDays) {
    throw new ConfigError([
      `SESSION_IDLE_DAYS: must be at most SESSION_ABSOLUTE_DAYS (${sessionAbsoluteDays})`,
    ]);
  }
  const siteUrl = values.SITE_URL ?? 'http://localhost:3000';
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
    log: {
      level: values.LOG_LEVEL ?? 'info',
      format:
        values.LOG_FORMAT ??
        defaultLogFormat({ production: values.NODE_ENV === 'production', isTTY: stdoutIsTTY }),
    },
    metrics:
      values.METRICS_PORT === undefined
        ? undefined
        : { host: values.METRICS_HOST ?? '127.0.0.1', port: values.METRICS_PORT },
    statementTimeoutMs: values.DATABASE_STATEMENT_TIMEOUT_MS ?? 5_000,
    passwordHashCost: values.PASSWORD_HASH_COST ?? DEFAULT_PASSWORD_HASH_COST,
    sessionIdleDays,
    sessionAbsoluteDays,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS ?? 10_000,
    cachePurge: values.CACHE_PURGE_URL
      ? {
          url: values.CACHE_PURGE_URL,
          headers: values.CACHE_PURGE_HEADERS ?? {},
          timeoutMs: values.CACHE_PURGE_TIMEOUT_MS ?? 5_000,
          sharedMaxAgeSeconds: values.CACHE_SHARED_MAX_AGE ?? 300,
        }
      : undefined,
    trustProxy: values.TRUST_PROXY ?? ['loopback'],
    outbox: {
      pollIntervalMs: values.OUTBOX_POLL_INTERVAL_MS ?? 1_000,
      retentionMs: (values.OUTBOX_RETENTION_HOURS ?? 168) * 60 * 60 * 1000,
      killMarker: values.OUTBOX_KILL_MARKER,
    },
    siteUrl,
    smtp: values.SMTP_URL
      ? {
          url: values.SMTP_URL,
          from: values.SMTP_FROM ?? `Inkwell <inkwell@${new URL(siteUrl).hostname}>`,
        }
      : undefined,
  };
}
