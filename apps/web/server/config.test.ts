import { describe, expect, it } from 'vitest';
import { loadWebConfig } from './config.js';

describe('loadWebConfig', () => {
  it('falls back to the documented defaults', () => {
    expect(loadWebConfig({})).toEqual({
      apiUrl: 'http://127.0.0.1:3001',
      siteUrl: 'http://localhost:3000',
      port: 3000,
      host: '127.0.0.1',
      pageCacheSeconds: 1,
      apiTimeoutMs: 10_000,
      shutdownTimeoutMs: 10_000,
      production: false,
    });
  });

  it('reads and normalises the variables', () => {
    const config = loadWebConfig({
      API_URL: 'http://api.internal:8080/',
      SITE_URL: 'https://blog.example.org/',
      WEB_PORT: '8081',
      WEB_HOST: '0.0.0.0',
      PAGE_CACHE_SECONDS: '0',
      API_TIMEOUT_MS: '2500',
      SHUTDOWN_TIMEOUT_MS: '0',
      NODE_ENV: 'production',
    });
    expect(config).toEqual({
      apiUrl: 'http://api.internal:8080',
      siteUrl: 'https://blog.example.org',
      port: 8081,
      host: '0.0.0.0',
      pageCacheSeconds: 0,
      apiTimeoutMs: 2_500,
      shutdownTimeoutMs: 0,
      production: true,
    });
  });

  it('treats empty values as unset', () => {
    expect(loadWebConfig({ WEB_PORT: '' }).port).toBe(3000);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadWebConfig({ WEB_PORT: 'eighty' })).toThrow(/WEB_PORT/);
    expect(() => loadWebConfig({ API_URL: 'ftp://x' })).toThrow(/API_URL/);
    expect(() => loadWebConfig({ PAGE_CACHE_SECONDS: '3600' })).toThrow(/PAGE_CACHE_SECONDS/);
    expect(() => loadWebConfig({ API_TIMEOUT_MS: 'soon' })).toThrow(/API_TIMEOUT_MS/);
  });
});
