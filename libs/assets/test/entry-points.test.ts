import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/*
 * The site reads its bundle manifest through `@inkwell/assets/bundles`; that entry must never
 * bring in sharp, whose native module maps libvips into the process.
 */

const libRoot = join(import.meta.dirname, '..');

/** The files and third-party packages `entry` reaches, statically or through `import()`. */
async function moduleGraph(entry: string): Promise<{ files: string[]; packages: string[] }> {
  const result = await build({
    entryPoints: [join(libRoot, entry)],
    absWorkingDir: libRoot,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports);
  return {
    files: Object.keys(result.metafile.inputs),
    packages: [
      ...new Set(
        imports.filter((i) => i.external && !/^(\.|node:)/.test(i.path)).map((i) => i.path),
      ),
    ].sort(),
  };
}

/** The native libraries a Node process has loaded after running `script` (an ES module). */
async function sharedObjectsAfter(script: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--conditions=@inkwell/source',
      '--import',
      'tsx',
      '--input-type=module',
      '--eval',
      `${script}\nconst report = process.report.getReport();\n` +
        `console.log(JSON.stringify(report.sharedObjects));`,
    ],
    { cwd: libRoot },
  );
  return JSON.parse(stdout) as string[];
}

const isSharpBinary = (file: string): boolean => /sharp|libvips/.test(file);
const isMinifierBinary = (file: string): boolean => /lightningcss/.test(file);

describe('entry points', () => {
  it('keeps sharp and the thumbnails out of the bundles module graph', async () => {
    const bundles = await moduleGraph('src/bundles/index.ts');
    expect(bundles.packages).toEqual(['esbuild', 'lightningcss', 'tinyglobby', 'zod']);
    expect(bundles.files.filter((file) => file.includes('thumbnails'))).toEqual([]);

    const thumbnails = await moduleGraph('src/thumbnails/index.ts');
    expect(thumbnails.packages).toContain('sharp');
  });

  it('keeps the <picture> entry to plain modules, so browsers can load it', async () => {
    const picture = await moduleGraph('src/thumbnails/picture.ts');
    expect(picture.packages).toEqual([]);
    expect(picture.files.sort()).toEqual([
      'src/thumbnails/formats.ts',
      'src/thumbnails/picture.ts',
      'src/thumbnails/thumbnail-size.ts',
      'src/thumbnails/widths.ts',
    ]);
  });

  it('loads no sharp binary when the bundles entry is imported, unlike thumbnail work', async () => {
    const bundles = await sharedObjectsAfter(`await import('@inkwell/assets/bundles');`);
    expect(bundles.filter(isSharpBinary)).toEqual([]);

    const thumbnails = await sharedObjectsAfter(
      `const { inspectUpload } = await import('@inkwell/assets/thumbnails');\n` +
        `await inspectUpload(Buffer.from('no image'), 'x.png', { maxBytes: 100 }).catch(() => {});`,
    );
    expect(thumbnails.filter(isSharpBinary)).not.toEqual([]);
  });

  it('loads the minifiers only when bundles are built', async () => {
    const reading = await sharedObjectsAfter(`await import('@inkwell/assets/bundles');`);
    expect(reading.filter(isMinifierBinary)).toEqual([]);

    const building = await sharedObjectsAfter(
      `const { buildBundles } = await import('@inkwell/assets/bundles');\n` +
        `const { mkdtemp, rm } = await import('node:fs/promises');\n` +
        `const outDir = await mkdtemp('${join(tmpdir(), 'inkwell-entry-')}');\n` +
        `await buildBundles({ configPath: 'test/fixtures/bundles/valid/bundles.json', outDir, baseUrl: '/' });\n` +
        `await rm(outDir, { recursive: true });`,
    );
    expect(building.filter(isMinifierBinary)).not.toEqual([]);
  });
});
