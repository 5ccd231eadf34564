import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSessionSecret, SESSION_SECRET_FILE } from './session-secret.js';

describe('loadSessionSecret', () => {
  let root = '';
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'inkwell-session-secret-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('uses SESSION_SECRET when set, writing nothing', async () => {
    const dataDir = path.join(root, 'data');
    const secret = 's'.repeat(40);
    expect(await loadSessionSecret({ sessionSecret: secret, dataDir })).toBe(secret);
    await expect(stat(dataDir)).rejects.toThrow(/ENOENT/);
  });

  it('generates one at first start, private to its owner, and keeps it for the next', async () => {
    const dataDir = path.join(root, 'data');
    const first = await loadSessionSecret({ sessionSecret: undefined, dataDir });
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const file = path.join(dataDir, SESSION_SECRET_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await loadSessionSecret({ sessionSecret: undefined, dataDir })).toBe(first);
  });

  it('gives sites starting together the same secret', async () => {
    const secrets = await Promise.all(
      Array.from({ length: 5 }, () =>
        loadSessionSecret({ sessionSecret: undefined, dataDir: root }),
      ),
    );
    expect(new Set(secrets).size).toBe(1);
    expect(await readFile(path.join(root, SESSION_SECRET_FILE), 'utf8')).toBe(secrets[0]);
  });

  it('refuses a damaged file rather than signing with it', async () => {
    await writeFile(path.join(root, SESSION_SECRET_FILE), '\n');
    await expect(loadSessionSecret({ sessionSecret: undefined, dataDir: root })).rejects.toThrow(
      /no usable secret/,
    );
  });
});
