import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runApiScript } from '@inkwell/test-stack';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readSource } from '../../src/transfer/read-source.js';

/* Sources an import cannot read are refused before anything is written, naming the file and field. */
describe('import sources that cannot be read', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'inkwell-bad-import-'));
    await writeFile(path.join(dir, 'broken.json'), '{"db": [');
    await writeFile(path.join(dir, 'not-ghost.json'), '{"posts": []}');
    await writeFile(path.join(dir, 'broken.xml'), '<rss><channel><item></channel></rss>');
    await writeFile(path.join(dir, 'notes.txt'), 'just text');
    await mkdir(path.join(dir, 'export', 'posts'), { recursive: true });
    await writeFile(
      path.join(dir, 'export', 'manifest.json'),
      JSON.stringify({ format: 'inkwell-export', version: 1, exportedAt: 'yesterday' }),
    );
    await mkdir(path.join(dir, 'site'), { recursive: true });
    await writeFile(path.join(dir, 'site', 'bad.md'), '---\ntitle: [unclosed\n---\nbody');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test.each([
    ['missing', undefined, /missing: does not exist/],
    ['broken.json', undefined, /broken\.json: is not valid JSON/],
    [
      'not-ghost.json',
      undefined,
      /not-ghost\.json: db\[0\]\.data is missing \(not a Ghost export\)/,
    ],
    ['broken.xml', undefined, /broken\.xml: is not well-formed XML \(line 1: /],
    ['notes.txt', undefined, /notes\.txt: is neither JSON \(Ghost\) nor XML \(WordPress\)/],
    ['export', undefined, /manifest\.json: exportedAt must be an ISO 8601 date and time/],
    ['site', undefined, /bad\.md: has front matter that is not valid YAML/],
    ['broken.json', 'wxr' as const, /broken\.json: is not well-formed XML/],
  ])('%s (format %s)', async (name, format, message) => {
    await expect(readSource(path.join(dir, name), format)).rejects.toThrow(message);
  });

  test('npm run import exits non-zero with the message, for a bad file or an unknown format', async () => {
    const [malformed, unknownFormat] = await Promise.all([
      runApiScript('src/cli/import.ts', {
        args: [path.join(dir, 'broken.json')],
        env: { DATA_DIR: dir },
      }),
      runApiScript('src/cli/import.ts', {
        args: [path.join(dir, 'broken.json'), '--format', 'blogger'],
        env: { DATA_DIR: dir },
      }),
    ]);
    expect(malformed.code).toBe(1);
    expect(malformed.output).toContain('broken.json: is not valid JSON');
    expect(malformed.output).not.toContain('    at ');
    expect(unknownFormat.code).toBe(1);
    expect(unknownFormat.output).toContain(
      '--format must be one of inkwell, markdown, ghost, wxr, not "blogger"',
    );
  });
});
