import { once } from 'node:events';
import { type AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { loadWebConfig } from './config.js';

describe('loadWebConfig', () => {
  it('falls back to the documented defaults', () => {
    expect(loadWebConfig({})).toEqual({
      apiUrl: 'http://127.0.0.1:3001',
      siteUrl: 'http://localhost:3000',
      port: 3000,
      host: '127.0.0.1',
      pageCacheSeconds: 3_600,
      pageCacheMaxEntries: 1_000,
      redisUrl: undefined,
      cacheNamespace: 'inkwell',
      apiTimeoutMs: 10_000,
      shutdownTimeoutMs: 10_000,
      trustProxy: 'loopback',
      sessionSecret: undefined,
      dataDir: path.resolve('data'),
      production: false,
      log: { level: 'info', format: 'json' },
      metrics: undefined,
    });
  });

  it('reads and normalises the variables', () => {
    const config = loadWebConfig({
      API_URL: 'http://api.internal:8080/',
      SITE_URL: 'https://blog.example.org/',
      WEB_PORT: '8081',
      WEB_HOST: '0.0.0.0',
      PAGE_CACHE_SECONDS: '0',
      PAGE_CACHE_MAX_ENTRIES: '0',
      REDIS_URL: 'redis://cache.internal:6379',
      CACHE_NAMESPACE: 'blog-2',
      API_TIMEOUT_MS: '2500',
      SHUTDOWN_TIMEOUT_MS: '0',
      SESSION_SECRET: 's'.repeat(32),
      DATA_DIR: '/var/lib/inkwell',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      WEB_METRICS_PORT: '9465',
    });
    expect(config).toEqual({
      apiUrl: 'http://api.internal:8080',
      siteUrl: 'https://blog.example.org',
      port: 8081,
      host: '0.0.0.0',
      pageCacheSeconds: 0,
      pageCacheMaxEntries: 0,
      redisUrl: 'redis://cache.internal:6379',
      cacheNamespace: 'blog-2',
      apiTimeoutMs: 2_500,
      shutdownTimeoutMs: 0,
      trustProxy: 'loopback',
      sessionSecret: 's'.repeat(32),
      dataDir: '/var/lib/inkwell',
      production: true,
      log: { level: 'warn', format: 'json' },
      metrics: { host: '127.0.0.1', port: 9465 },
    });
  });

  it('logs readable lines only for a person at a terminal outside production', () => {
    expect(loadWebConfig({}, { stdoutIsTTY: true }).log.format).toBe('pretty');
    expect(loadWebConfig({ NODE_ENV: 'production' }, { stdoutIsTTY: true }).log.format).toBe(
      'json',
    );
    expect(loadWebConfig({ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }).log.format).toBe(
      'pretty',
    );
  });

  it('treats empty values as unset', () => {
    expect(loadWebConfig({ WEB_PORT: '' }).port).toBe(3000);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadWebConfig({ WEB_PORT: 'eighty' })).toThrow(/WEB_PORT/);
    expect(() => loadWebConfig({ API_URL: 'ftp://x' })).toThrow(/API_URL/);
    expect(() => loadWebConfig({ PAGE_CACHE_SECONDS: '86401' })).toThrow(/PAGE_CACHE_SECONDS/);
    expect(() => loadWebConfig({ REDIS_URL: 'cache.internal:6379' })).toThrow(/REDIS_URL/);
    expect(() => loadWebConfig({ CACHE_NAMESPACE: 'a b' })).toThrow(/CACHE_NAMESPACE/);
    expect(() => loadWebConfig({ PAGE_CACHE_MAX_ENTRIES: '-1' })).toThrow(/PAGE_CACHE_MAX_ENTRIES/);
    expect(() => loadWebConfig({ API_TIMEOUT_MS: 'soon' })).toThrow(/API_TIMEOUT_MS/);
    expect(() => loadWebConfig({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
    expect(() => loadWebConfig({ LOG_LEVEL: 'chatty' })).toThrow(
      /LOG_LEVEL: must be one of trace, verbose, debug, info, log, warn, error, fatal, silent/,
    );
    expect(() => loadWebConfig({ WEB_METRICS_PORT: '70000' })).toThrow(/WEB_METRICS_PORT/);
    expect(() => loadWebConfig({ TRUST_PROXY: '10.0.0.0/8, proxy.example' })).toThrow(
      /TRUST_PROXY: invalid IP address: proxy.example/,
    );
  });

  describe('TRUST_PROXY decides which address is the visitor', () => {
    /** The address the site sees for a request from 127.0.0.1 carrying this X-Forwarded-For. */
    async function visitorAddress(trustProxy: string, forwardedFor: string): Promise<string> {
      const app = express();
      app.set('trust proxy', loadWebConfig({ TRUST_PROXY: trustProxy }).trustProxy);
      app.get('/', (req, res) => res.send(req.ip));
      const server = app.listen(0, '127.0.0.1');
      await once(server, 'listening');
      try {
        const { port } = server.address() as AddressInfo;
        const res = await fetch(`http://127.0.0.1:${port}/`, {
          headers: { 'x-forwarded-for': forwardedFor },
        });
        return await res.text();
      } finally {
        server.close();
      }
    }

    it('by hop count: the address that many proxies back', async () => {
      expect(await visitorAddress('1', '198.51.100.1, 10.0.0.5')).toBe('10.0.0.5');
      expect(await visitorAddress('2', '198.51.100.1, 10.0.0.5')).toBe('198.51.100.1');
    });

    it('by ranges: the first address, from the right, outside them', async () => {
      expect(await visitorAddress('loopback', '198.51.100.1, 10.0.0.5')).toBe('10.0.0.5');
      expect(await visitorAddress('loopback, 10.0.0.0/8', '198.51.100.1, 10.0.0.5')).toBe(
        '198.51.100.1',
      );
    });
  });
});
