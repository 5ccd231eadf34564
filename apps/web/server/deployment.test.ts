import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { readComposeFile } from '@inkwell/test-stack/deployment';
import { loadWebConfig, webConfigVariables } from './config.js';

const compose = readComposeFile({ SESSION_SECRET: 'x'.repeat(32), INKWELL_DOMAIN: 'blog.test' });
const sites = Object.entries(compose.services).filter(
  ([, service]) => service.build?.target === 'web',
);

test('two site processes, each a valid configuration that names only variables the site reads', () => {
  expect(sites.length).toBeGreaterThanOrEqual(2);
  const secrets = new Set<string | undefined>();
  for (const [name, service] of sites) {
    const environment = service.environment ?? {};
    const unknown = Object.keys(environment).filter(
      (variable) => !webConfigVariables.includes(variable),
    );
    expect(unknown, name).toEqual([]);
    const config = loadWebConfig(environment);
    expect(config.siteUrl, name).toBe('https://blog.test');
    // The API answers at a service of this file.
    expect(Object.keys(compose.services), name).toContain(new URL(config.apiUrl).hostname);
    secrets.add(config.sessionSecret);
    // Metrics on a port of their own (published nowhere: the API's deployment test checks).
    expect(config.metrics?.port, name).toBeGreaterThan(0);
    expect(config.metrics?.port, name).not.toBe(config.port);
  }
  // A sign-in made through one site process holds on the others.
  expect([...secrets]).toEqual(['x'.repeat(32)]);
});

test('compose refuses to start the sites without a session secret', () => {
  expect(() => readComposeFile({})).toThrow(/^SESSION_SECRET: set SESSION_SECRET/);
});

test('the README documents every variable the site reads', () => {
  const readme = readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8');
  for (const variable of webConfigVariables) expect(readme).toContain(`\`${variable}\``);
});
