import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, configVariables, loadConfig } from './config.js';

describe('loadConfig', () => {
  test('embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      databaseUrl: undefined,
      dataDir: path.resolve('./data'),
      redisUrl: undefined,
      elasticsearchUrl: undefined,
      cacheNamespace: 'inkwell',
      cacheMemoryMaxEntries: 10_000,
      host: '127.0.0.1',
      port: 3001,
      migrateOnStart: true,
      seedDemoContent: true,
      log: { level: 'info', format: 'json' },
      metrics: undefined,
      statementTimeoutMs: 5_000,
      passwordHashCost: 17,
      sessionIdleDays: 7,
      sessionAbsoluteDays: 30,
      shutdownTimeoutMs: 10_000,
      cachePurge: undefined,
      trustProxy: ['loopback'],
      outbox: { pollIntervalMs: 1_000, retentionMs: 168 * 60 * 60 * 1000, killMarker: undefined },
      siteUrl: 'http://localhost:3000',
      smtp: undefined,
    });
  });

  test('email: SMTP_URL turns it on, the sender defaults to the site host', () => {
    expect(
      loadConfig({
        SMTP_URL: 'smtp://user:pw@mail.example:587',
        SITE_URL: 'https://blog.example/',
      }),
    ).toMatchObject({
      siteUrl: 'https://blog.example',
      smtp: { url: 'smtp://user:pw@mail.example:587', from: 'Inkwell <inkwell@blog.example>' },
    });
    expect(
      loadConfig({ SMTP_URL: 'smtps://mail.example', SMTP_FROM: 'Ana <ana@blog.example>' }).smtp
        ?.from,
    ).toBe('Ana <ana@blog.example>');
    expect(() => loadConfig({ SMTP_URL: 'mail.example:25' })).toThrow(
      /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
    expect(() => loadConfig({ SMTP_FROM: 'not an address' })).toThrow(
      /SMTP_FROM: must be an email address/,
    );
    expect(() => loadConfig({ SITE_URL: 'blog.example' })).toThrow(/SITE_URL: must be an http/);
  });

  test('session limits: the idle window never outlasts the absolute lifetime', () => {
    expect(loadConfig({ SESSION_ABSOLUTE_DAYS: '1' })).toMatchObject({
      sessionIdleDays: 1,
      sessionAbsoluteDays: 1,
    });
    expect(loadConfig({ SESSION_IDLE_DAYS: '0.5' }).sessionIdleDays).toBe(0.5);
    expect(() => loadConfig({ SESSION_IDLE_DAYS: '10', SESSION_ABSOLUTE_DAYS: '3' })).toThrow(
      /SESSION_IDLE_DAYS: must be at most SESSION_ABSOLUTE_DAYS \(3\)/,
    );
    expect(() => loadConfig({ SESSION_ABSOLUTE_DAYS: '0' })).toThrow(/SESSION_ABSOLUTE_DAYS/);
    expect(() => loadConfig({ PASSWORD_HASH_COST: '8' })).toThrow(/PASSWORD_HASH_COST/);
  });

  test('a purge hook with its headers, timeout and shared max-age', () => {
    const config = loadConfig({
      CACHE_PURGE_URL: 'https://api.fastly.com/service/abc/purge/{tag}',
      CACHE_PURGE_HEADERS: '{"Fastly-Key": "secret"}',
    });
    expect(config.cachePurge).toEqual({
      url: 'https://api.fastly.com/service/abc/purge/{tag}',
      headers: { 'Fastly-Key': 'secret' },
      timeoutMs: 5_000,
      sharedMaxAgeSeconds: 300,
    });
  });

  test('bad purge settings name the variable', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ CACHE_PURGE_URL: 'ftp://cdn' })).toEqual([
      'CACHE_PURGE_URL: must be an http:// or https:// URL',
    ]);
    expect(problems({ CACHE_PURGE_HEADERS: 'Fastly-Key: x' })).toEqual([
      'CACHE_PURGE_HEADERS: must be a JSON object',
    ]);
    expect(problems({ CACHE_PURGE_HEADERS: '{"X-Count": 1}' })[0]).toMatch(
      /^CACHE_PURGE_HEADERS\.X-Count: /,
    );
    expect(problems({ CACHE_PURGE_TIMEOUT_MS: '0', CACHE_SHARED_MAX_AGE: '1y' })).toEqual([
      'CACHE_PURGE_TIMEOUT_MS: must be at least 1',
      'CACHE_SHARED_MAX_AGE: must be a number of seconds',
    ]);
  });

  test('TRUST_PROXY: a hop count, or addresses, CIDR ranges and named ranges', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(
      loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,2001:db8::/32, 192.0.2.7' }).trustProxy,
    ).toEqual(['loopback', '10.0.0.0/8', '2001:db8::/32', '192.0.2.7']);
    for (const bad of ['10.0.0.0/33', 'proxy.example', 'true', '10.0.0.0/8/1', '::1/129']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(
        /TRUST_PROXY: ".*" is not a hop count/,
      );
    }
  });

  test('empty strings count as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', REDIS_URL: ' ', API_PORT: '' }).port).toBe(3001);
  });

  test('external services switch the defaults that depend on them', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://db.example:5432/blog',
      REDIS_URL: 'redis://cache.example:6379',
      API_PORT: '8080',
      SEED_DEMO_CONTENT: 'false',
    });
    expect(config.databaseUrl).toBe('postgresql://db.example:5432/blog');
    expect(config.migrateOnStart).toBe(false);
    expect(config.seedDemoContent).toBe(false);
    expect(config.port).toBe(8080);
  });

  test('a bad value is reported with the variable it came from', () => {
    const attempt = () =>
      loadConfig({
        DATABASE_URL: 'mysql://x',
        CACHE_MAX_ENTRIES: '0',
        API_PORT: '99999',
        MIGRATE_ON_START: 'maybe',
        DATABASE_STATEMENT_TIMEOUT_MS: '2s',
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'DATABASE_URL: must be a postgresql:// URL',
        'CACHE_MAX_ENTRIES: must be at least 1',
        'API_PORT: must be between 0 and 65535',
        'MIGRATE_ON_START: must be one of true, false, 1, 0, yes, no',
        'DATABASE_STATEMENT_TIMEOUT_MS: must be a number of milliseconds',
      ]);
    }
  });

  test('logs: a level by pino or Nest name, JSON unless a person watches a terminal', () => {
    expect(loadConfig({ LOG_LEVEL: 'debug' }).log).toEqual({ level: 'debug', format: 'json' });
    expect(loadConfig({}, { stdoutIsTTY: true }).log.format).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'production' }, { stdoutIsTTY: true }).log.format).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'pretty' }).log.format).toBe('pretty');
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(
      /LOG_LEVEL: must be one of trace, verbose, debug, info, log, warn, error, fatal, silent/,
    );
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(
      /LOG_FORMAT: must be one of json, pretty/,
    );
  });

  test('metrics: served only when METRICS_PORT is set, on loopback unless told', () => {
    expect(loadConfig({ METRICS_PORT: '9464' }).metrics).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }).metrics?.host).toBe(
      '0.0.0.0',
    );
    expect(() => loadConfig({ METRICS_PORT: 'ninety' })).toThrow(/METRICS_PORT: must be a port/);
  });

  test('the README documents every variable', () => {
    const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
    for (const variable of configVariables) expect(readme).toContain(`\`${variable.name}\``);
  });
});
