import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFiles, makeTempDir } from '../../test/support/temp-dir.js';
import { runBundlesCli } from './run-cli.js';

const fixtures = join(import.meta.dirname, '../../test/fixtures/bundles');
const config = (name: string): string => join(fixtures, name, 'bundles.json');

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runBundlesCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir();
});
afterEach(() => temp.remove());

describe('bundles CLI', () => {
  it('validates a good config', async () => {
    expect(await run('validate', '--config', config('valid'))).toEqual({
      code: 0,
      out: ['3 bundles valid'],
      err: [],
    });
  });

  it('prints one line per problem and exits 1', async () => {
    const result = await run('validate', '--config', config('duplicate-file'));
    expect(result.code).toBe(1);
    expect(result.err).toEqual(['scripts bundle "app": file "scripts/first.js" is listed twice']);
  });

  it('builds and prints each file with its sizes and budget', async () => {
    const outDir = join(temp.path, 'out');
    const result = await run('build', '--config', config('valid'), '--out', outDir);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([
      expect.stringMatching(/^print\.[0-9a-f]{10}\.css {2}\d+ -> \d+ bytes \(budget 2000\)$/),
      expect.stringMatching(/^code-themes\.[0-9a-f]{10}\.css {2}\d+ -> \d+ bytes$/),
      expect.stringMatching(/^greeting\.[0-9a-f]{10}\.js {2}\d+ -> \d+ bytes$/),
    ]);
    expect(await listFiles(outDir)).toHaveLength(4);
  });

  it.each([
    [[]],
    [['build', '--config', 'x.json']],
    [['deploy', '--config', 'x.json']],
    [['--nope']],
  ])('answers %j with usage and exit code 2', async (argv) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.err.join('\n')).toContain('usage: bundles validate --config <file>');
  });

  it('sets the process exit code when run with tsx', async () => {
    const root = join(import.meta.dirname, '../../../..');
    const failure = await promisify(execFile)(
      join(root, 'node_modules/.bin/tsx'),
      [
        '--conditions=@inkwell/source',
        'libs/assets/src/bundles/cli.ts',
        'validate',
        '--config',
        config('missing-file'),
      ],
      { cwd: root },
    ).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({
      code: 1,
      stderr: 'stylesheets bundle "print": file "styles/missing.css" does not exist\n',
    });
  });
});
