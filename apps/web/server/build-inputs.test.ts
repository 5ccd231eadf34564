import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { hashBuildInputs, isBuildCurrent, recordBuild, SERVER_ENTRIES } from './build-inputs.js';

let root: string;

async function put(file: string, content = 'x'): Promise<void> {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), content);
}

/** A workspace shaped like this one, built once. */
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'inkwell-build-inputs-'));
  await put('package.json', '{}');
  await put('apps/api/src/main.ts', 'listen()');
  await put('apps/api/src/main.test.ts', 'test()');
  await put('libs/cache/src/index.ts', 'export {}');
  for (const entry of SERVER_ENTRIES) await put(entry);
  recordBuild(root, hashBuildInputs(root));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const current = () => isBuildCurrent(root, hashBuildInputs(root));

describe('the up-to-date check', () => {
  test('nothing changed: the last build is current', () => {
    expect(current()).toBe(true);
  });

  test.each([
    ['a source file', 'apps/api/src/main.ts'],
    ['a library', 'libs/cache/src/index.ts'],
    ['a new file', 'libs/cache/src/new.ts'],
    ['the root package.json', 'package.json'],
  ])('%s changed: a build is due', async (_name, file) => {
    await put(file, 'changed');
    expect(current()).toBe(false);
  });

  test.each([
    ['a test', 'apps/api/src/main.test.ts'],
    ['a test folder', 'apps/api/test/posts.test.ts'],
    ['a build output', 'apps/api/dist/extra.js'],
    ['installed packages', 'apps/api/node_modules/x/index.js'],
    ['the data dir', 'data/pglite/base'],
  ])('%s changed: still current', async (_name, file) => {
    await put(file, 'changed');
    expect(current()).toBe(true);
  });

  test('a missing server entry point means a build is due', async () => {
    await rm(path.join(root, SERVER_ENTRIES[0]!));
    expect(current()).toBe(false);
  });

  test('no record of a build (fresh install): a build is due', async () => {
    await rm(path.join(root, 'node_modules'), { recursive: true });
    expect(current()).toBe(false);
  });
});
