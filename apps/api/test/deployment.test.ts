import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  type ComposeService,
  readComposeFile,
  readDockerfileStages,
} from '@inkwell/test-stack/deployment';
import { configVariables, loadConfig } from '../src/config/config.js';

/*
 * This machine cannot run Docker, so the files are checked for what would break a deployment
 * before it starts: the GitHub workflow runs the real stack.
 */

const apiRoot = path.resolve(import.meta.dirname, '..');
const compose = readComposeFile({ SESSION_SECRET: 'x'.repeat(32), INKWELL_DOMAIN: 'blog.test' });
const services = Object.entries(compose.services);
const stages = readDockerfileStages();
const stage = (name: string) => stages.find((candidate) => candidate.name === name);
const instructionsOf = (name: string) => stage(name)?.instructions ?? [];
const builtFrom = (target: string) =>
  services.filter(([, service]) => service.build?.target === target);
/** A tag naming a release (`:17.6`, `:2.10.0`), not a moving one like `latest` or none at all. */
const PINNED = /:\d+(\.\d+)+[\w.-]*$/;

/** The built file a compose command or Dockerfile CMD runs, traced back to its source. */
function sourceOf(builtFile: string): string {
  return path.join(apiRoot, builtFile.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts'));
}

describe('Dockerfile', () => {
  test('every base image is pinned to a release', () => {
    const external = stages.filter((candidate) => !stage(candidate.from));
    expect(external.length).toBeGreaterThan(0);
    for (const { name, from } of external) expect(`${name}: ${from}`).toMatch(PINNED);
  });

  test('the API and the site are their own targets, run as a non-root user, with a health check', () => {
    for (const target of ['api', 'web']) {
      const lineage: string[] = [];
      for (let current = stage(target); current; current = stage(current.from)) {
        lineage.unshift(...current.instructions);
      }
      const users = lineage.filter((line) => line.startsWith('USER '));
      expect(users.at(-1), target).toBe('USER node');
      expect(
        instructionsOf(target).some((line) => line.startsWith('HEALTHCHECK ')),
        target,
      ).toBe(true);
      expect(
        instructionsOf(target).filter((line) => line.startsWith('CMD ')),
        target,
      ).toHaveLength(1);
    }
  });

  test("the API's command runs a file the build makes", () => {
    const command = instructionsOf('api').find((line) => line.startsWith('CMD '))!;
    const file = (JSON.parse(command.slice(4)) as string[]).find((part) => part.endsWith('.js'))!;
    expect(existsSync(sourceOf(file)), file).toBe(true);
  });
});

describe('compose.yaml', () => {
  test('every image is pinned to a release and every lasting service checks its health', () => {
    for (const [name, service] of services) {
      if (!service.build) expect(`${name}: ${service.image}`).toMatch(PINNED);
      const oneShot = name === 'migrate';
      const checked = service.healthcheck
        ? service.healthcheck.disable !== true
        : instructionsOf(service.build?.target ?? '').some((line) =>
            line.startsWith('HEALTHCHECK '),
          );
      expect({ name, checked }).toEqual({ name, checked: !oneShot });
    }
  });

  test('two API processes on PostgreSQL, Redis and Elasticsearch, each a valid configuration', () => {
    const apis = builtFrom('api').filter(([name]) => name !== 'migrate');
    expect(apis.length).toBeGreaterThanOrEqual(2);
    const known = new Set(configVariables.map((variable) => variable.name));
    for (const [name, service] of apis) {
      const environment = service.environment ?? {};
      expect(
        Object.keys(environment).filter((variable) => !known.has(variable)),
        name,
      ).toEqual([]);
      const config = loadConfig(environment);
      expect(config.databaseUrl, name).toMatch(/^postgresql:\/\/[^@]+@postgres:/);
      expect(config.redisUrl, name).toBe('redis://redis:6379');
      expect(config.elasticsearchUrl, name).toBe('http://elasticsearch:9200');
      // Several processes must not race to migrate: the one-shot step does it first.
      expect(config.migrateOnStart, name).toBe(false);
      expect(service.depends_on?.migrate, name).toEqual({
        condition: 'service_completed_successfully',
      });
      expect(service.volumes, name).toContain(`uploads:${config.dataDir}`);
      // Metrics on a port of their own, reached on the private network, published nowhere.
      expect(config.metrics?.port, name).toBeGreaterThan(0);
      expect(config.metrics?.port, name).not.toBe(config.port);
    }
    const published = services.flatMap(([, service]) => service.ports ?? []);
    expect(published).toEqual(['80:80', '443:443']);
  });

  test('the one-shot migration runs the built migrate command against the same database', () => {
    const migrate = compose.services.migrate as ComposeService;
    const file = migrate.command!.find((part) => part.endsWith('.js'))!;
    expect(existsSync(sourceOf(file)), file).toBe(true);
    const [, api] = builtFrom('api').find(([name]) => name !== 'migrate')!;
    expect(migrate.environment?.DATABASE_URL).toBe(api.environment?.DATABASE_URL);
    expect(migrate.depends_on?.postgres).toEqual({ condition: 'service_healthy' });
  });

  test('every named volume a service mounts is declared', () => {
    const declared = Object.keys(compose.volumes ?? {});
    for (const [name, service] of services) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        expect(declared, `${name}: ${volume}`).toContain(source);
      }
    }
  });
});
