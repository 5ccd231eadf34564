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
      logLevel: 'log',
      statementTimeoutMs: 5_000,
      outbox: { pollIntervalMs: 1_000, retentionMs: 168 * 60 * 60 * 1000, killMarker: undefined },
    });
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

  test('the README documents every variable', () => {
    const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
    for (const variable of configVariables) expect(readme).toContain(`\`${variable.name}\``);
  });
});
