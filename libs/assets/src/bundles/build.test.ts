import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFiles, makeTempDir } from '../../test/support/temp-dir.js';
import { buildBundles } from './build.js';
import { readBundleManifest } from './manifest.js';

const fixtures = join(import.meta.dirname, '../../test/fixtures/bundles');
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let outDir: string;

beforeEach(async () => {
  temp = await makeTempDir();
  outDir = join(temp.path, 'out');
});
afterEach(() => temp.remove());

describe('buildBundles', () => {
  it('writes minified, content-hashed bundles and a manifest describing them', async () => {
    const { value: built, problems } = await buildBundles({
      configPath: join(fixtures, 'valid', 'bundles.json'),
      outDir,
      baseUrl: '/static',
    });
    expect(problems).toEqual([]);
    expect(built.map((bundle) => bundle.file)).toEqual([
      expect.stringMatching(/^print\.[0-9a-f]{10}\.css$/),
      expect.stringMatching(/^code-themes\.[0-9a-f]{10}\.css$/),
      expect.stringMatching(/^greeting\.[0-9a-f]{10}\.js$/),
    ]);
    for (const bundle of built) expect(bundle.bytes).toBeLessThan(bundle.sourceBytes);

    const manifest = await readBundleManifest(join(outDir, 'manifest.json'));
    expect(Object.keys(manifest)).toEqual(['print', 'code-themes', 'greeting']);
    for (const bundle of built) {
      const written = await readFile(join(outDir, bundle.file));
      expect(manifest[bundle.name]).toEqual({
        kind: bundle.name === 'greeting' ? 'scripts' : 'stylesheets',
        url: `/static/${bundle.file}`,
        integrity: `sha384-${createHash('sha384').update(written).digest('base64')}`,
        bytes: written.byteLength,
      });
    }
    expect(await listFiles(outDir)).toEqual(
      [...built.map((bundle) => bundle.file), 'manifest.json'].sort(),
    );
  });

  it('keeps scripts working and stylesheets in order after minifying', async () => {
    const { value: built } = await buildBundles({
      configPath: join(fixtures, 'valid', 'bundles.json'),
      outDir,
    });
    const file = (name: string): Promise<string> =>
      readFile(join(outDir, built.find((bundle) => bundle.name === name)!.file), 'utf8');
    const context: Record<string, unknown> = {};
    runInNewContext(await file('greeting'), context);
    expect(context.greetingForReaders).toBe('Hello, readers');
    const themes = await file('code-themes');
    expect(themes.indexOf('.code-dark')).toBeLessThan(themes.indexOf('.code-light'));
    expect(themes).not.toContain('/*');
  });

  it('changes the file name when the content changes, and only then', async () => {
    const project = join(temp.path, 'project');
    await cp(join(fixtures, 'valid'), project, { recursive: true });
    const build = async (): Promise<string[]> =>
      (await buildBundles({ configPath: join(project, 'bundles.json'), outDir })).value.map(
        (bundle) => bundle.file,
      );
    const first = await build();
    expect(await build()).toEqual(first);
    await writeFile(join(project, 'styles/print.css'), '@media print { nav { display: none } }');
    const second = await build();
    expect(second[0]).not.toBe(first[0]);
    expect(second.slice(1)).toEqual(first.slice(1));
  });

  it('names the file, line and column of a syntax error and writes nothing', async () => {
    const project = join(temp.path, 'project');
    await mkdir(project);
    await writeFile(join(project, 'broken.js'), 'var ok = 1;\nfunction (  {\n');
    await writeFile(
      join(project, 'bundles.json'),
      JSON.stringify({ scripts: { broken: { files: ['broken.js'], output: 'broken.js' } } }),
    );
    const { problems } = await buildBundles({ configPath: join(project, 'bundles.json'), outDir });
    expect(problems).toEqual([expect.stringMatching(/^scripts bundle "broken": broken\.js:2:9: /)]);
    expect(await listFiles(outDir)).toEqual([]);
  });

  it.each([
    ['empty-output', 'stylesheets bundle "blank": output is empty after minifying'],
    ['over-budget', /^scripts bundle "heavy": \d+ bytes is over its budget of 40 bytes$/],
    ['missing-file', /does not exist/],
  ])('fails on %s and writes nothing', async (fixture, line) => {
    const { problems } = await buildBundles({
      configPath: join(fixtures, fixture, 'bundles.json'),
      outDir,
    });
    expect(problems).toEqual([expect.stringMatching(line)]);
    expect(await listFiles(outDir)).toEqual([]);
  });
});
