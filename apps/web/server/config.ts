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
    .max(60)
    .default(1)
    .describe('How long a rendered public page answers repeat requests; 0 turns it off'),
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
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export interface WebConfig {
  apiUrl: string;
  siteUrl: string;
  port: number;
  host: string;
  pageCacheSeconds: number;
  apiTimeoutMs: number;
  shutdownTimeoutMs: number;
  production: boolean;
}

/**
 * Reads the web server's settings from the environment once, at start. A bad value stops the
 * server with a message naming the variable instead of failing later on a request.
 */
export function loadWebConfig(env: Record<string, string | undefined>): WebConfig {
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
    API_TIMEOUT_MS,
    SHUTDOWN_TIMEOUT_MS,
    NODE_ENV,
  } = parsed.data;
  return {
    apiUrl: API_URL,
    siteUrl: SITE_URL,
    port: WEB_PORT,
    host: WEB_HOST,
    pageCacheSeconds: PAGE_CACHE_SECONDS,
    apiTimeoutMs: API_TIMEOUT_MS,
    shutdownTimeoutMs: SHUTDOWN_TIMEOUT_MS,
    production: NODE_ENV === 'production',
  };
}
