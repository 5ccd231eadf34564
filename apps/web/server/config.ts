import path from 'node:path';
import {
  defaultLogFormat,
  LOG_FORMATS,
  LOG_LEVEL_NAMES,
  type LogFormat,
  type LogLevelName,
} from '@inkwell/telemetry';
import express from 'express';
import { z } from 'zod';

/** Absolute http(s) URL without a trailing slash, so paths can be appended with `${url}/path`. */
const baseUrl = z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, ''));

const webConfigSchema = z.object({
  API_URL: baseUrl.default('http://127.0.0.1:3001').describe('Base URL of the Inkwell API'),
  SITE_URL: baseUrl
    .default('http://localhost:3000')
    .describe('Public URL of this site, used in canonical links, feeds and the sitemap'),
  WEB_PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('Port to listen on'),
  WEB_HOST: z.string().min(1).default('127.0.0.1').describe('Interface to listen on'),
  PAGE_CACHE_SECONDS: z.coerce
    .number()
    .min(0)
    .max(86_400)
    .default(3_600)
    .describe(
      'How long a rendered public page is kept at most when no write drops it first; 0 turns ' +
        'the page cache off',
    ),
  PAGE_CACHE_MAX_ENTRIES: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .default(1_000)
    .describe(
      'Most pages each site process keeps in its memory (with REDIS_URL, in front of the pages ' +
        'kept in Redis); the least recently used go first',
    ),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, 'must be a redis:// or rediss:// URL')
    .optional()
    .describe('Set: rendered pages are kept in Redis too, shared by every site process'),
  CACHE_NAMESPACE: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1-40 letters, digits, _ or -')
    .default('inkwell')
    .describe("Prefix of the page cache's Redis keys (the API's cache uses it too)"),
  API_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(300_000)
    .default(10_000)
    .describe('How long a call to the API may take before the page answers 504'),
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(600_000)
    .default(10_000)
    .describe('On SIGTERM or SIGINT, how long requests in flight may take to finish'),
  TRUST_PROXY: z
    .string()
    .default('loopback')
    .transform((value, context) => {
      const setting = /^\d+$/.test(value) ? Number(value) : value;
      try {
        // Express reads the setting itself (proxy-addr): its refusal names the bad entry.
        express().set('trust proxy', setting);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
      return setting;
    })
    .describe(
      'Proxies in front of the site whose X-Forwarded-For it believes: a hop count, or ' +
        'comma-separated addresses, CIDR ranges, loopback, linklocal, uniquelocal',
    ),
  SESSION_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .optional()
    .describe('Key that signs the admin session cookie; unset: one generated in DATA_DIR'),
  DATA_DIR: z
    .string()
    .default('./data')
    .describe('Where the site keeps its generated session secret (the API keeps its data there)'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z
    .enum(LOG_LEVEL_NAMES, { error: `must be one of ${LOG_LEVEL_NAMES.join(', ')}` })
    .default('info')
    .describe('Least severe log level printed'),
  LOG_FORMAT: z
    .enum(LOG_FORMATS, { error: `must be one of ${LOG_FORMATS.join(', ')}` })
    .optional()
    .describe('json or pretty; unset: pretty on a terminal outside production, else json'),
  WEB_METRICS_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .optional()
    .describe('Port of the Prometheus endpoint (GET /metrics); unset: no metrics server'),
  WEB_METRICS_HOST: z
    .string()
    .min(1)
    .default('127.0.0.1')
    .describe('Interface the metrics server listens on'),
});

/** The variables the site reads. */
export const webConfigVariables = Object.keys(webConfigSchema.shape);

export interface WebConfig {
  apiUrl: string;
  siteUrl: string;
  port: number;
  host: string;
  pageCacheSeconds: number;
  pageCacheMaxEntries: number;
  /** Where pages are shared between site processes; unset: each keeps its own. */
  redisUrl: string | undefined;
  cacheNamespace: string;
  apiTimeoutMs: number;
  shutdownTimeoutMs: number;
  /** Express's `trust proxy`: the client address of a request is the one these proxies name. */
  trustProxy: number | string;
  /** Signs the admin session cookie; unset, one is generated and kept in `dataDir`. */
  sessionSecret: string | undefined;
  dataDir: string;
  production: boolean;
  log: { level: LogLevelName; format: LogFormat };
  /** Where Prometheus scrapes the site; unset: no metrics server. */
  metrics: { host: string; port: number } | undefined;
}

/**
 * Reads the web server's settings from the environment once, at start. A bad value stops the
 * server with a message naming the variable instead of failing later on a request.
 * `stdoutIsTTY` picks the default log format: readable lines for a person at a terminal.
 */
export function loadWebConfig(
  env: Record<string, string | undefined>,
  { stdoutIsTTY = false }: { stdoutIsTTY?: boolean } = {},
): WebConfig {
  // Empty strings count as unset, as they do in most shells' `VAR= command`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = webConfigSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid web configuration: ${problems.join('; ')}`);
  }
  const {
    API_URL,
    SITE_URL,
    WEB_PORT,
    WEB_HOST,
    PAGE_CACHE_SECONDS,
    PAGE_CACHE_MAX_ENTRIES,
    REDIS_URL,
    CACHE_NAMESPACE,
    API_TIMEOUT_MS,
    SHUTDOWN_TIMEOUT_MS,
    TRUST_PROXY,
    SESSION_SECRET,
    DATA_DIR,
    NODE_ENV,
    LOG_LEVEL,
    LOG_FORMAT,
    WEB_METRICS_PORT,
    WEB_METRICS_HOST,
  } = parsed.data;
  const production = NODE_ENV === 'production';
  return {
    apiUrl: API_URL,
    siteUrl: SITE_URL,
    port: WEB_PORT,
    host: WEB_HOST,
    pageCacheSeconds: PAGE_CACHE_SECONDS,
    pageCacheMaxEntries: PAGE_CACHE_MAX_ENTRIES,
    redisUrl: REDIS_URL,
    cacheNamespace: CACHE_NAMESPACE,
    apiTimeoutMs: API_TIMEOUT_MS,
    shutdownTimeoutMs: SHUTDOWN_TIMEOUT_MS,
    trustProxy: TRUST_PROXY,
    sessionSecret: SESSION_SECRET,
    dataDir: path.resolve(DATA_DIR),
    production,
    log: {
      level: LOG_LEVEL,
      format: LOG_FORMAT ?? defaultLogFormat({ production, isTTY: stdoutIsTTY }),
    },
    metrics:
      WEB_METRICS_PORT === undefined
        ? undefined
        : { host: WEB_METRICS_HOST, port: WEB_METRICS_PORT },
  };
}
