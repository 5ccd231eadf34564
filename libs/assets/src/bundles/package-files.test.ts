import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/support/temp-dir.js';
import { validateBundles } from './validate.js';

/*
 * A bundle may name a file of an installed package; it is found as Node finds the package
 * from the config's folder, so the config does not depend on where the install hoisted it.
 */

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir();
});
afterEach(() => temp.remove());

async function write(path: string, content: string): Promise<string> {
  const full = join(temp.path, path);
  await mkdir(join(full, '..'), { recursive: true });
  await writeFile(full, content);
  return full;
}

/** An app folder two levels down, with the package installed at the top, as a workspace hoists. */
async function appWithConfig(files: unknown[]): Promise<string> {
  await write('node_modules/@demo/widget/package.json', '{"name":"@demo/widget","exports":{}}');
  await write('node_modules/@demo/widget/dist/widget.js', 'window.widget = 1;\n');
  return write(
    'apps/site/bundles.json',
    JSON.stringify({ scripts: { vendor: { files, output: 'vendor.js' } } }),
  );
}

describe('package files in bundles', () => {
  it("resolves a package's file from the config's folder, whatever its exports map", async () => {
    const config = await appWithConfig([{ package: '@demo/widget', file: 'dist/widget.js' }]);
    const { value, problems } = await validateBundles(config);
    expect(problems).toEqual([]);
    expect(value.bundles[0]!.sources).toEqual([
      join(temp.path, 'node_modules/@demo/widget/dist/widget.js'),
    ]);
  });

  it('reports a package that is not installed', async () => {
    const config = await appWithConfig([{ package: 'not-installed-here', file: 'index.js' }]);
    expect((await validateBundles(config)).problems).toEqual([
      'scripts bundle "vendor": package "not-installed-here" is not installed',
    ]);
  });

  it('reports a file the package does not ship', async () => {
    const config = await appWithConfig([{ package: '@demo/widget', file: 'dist/missing.js' }]);
    expect((await validateBundles(config)).problems).toEqual([
      'scripts bundle "vendor": file "dist/missing.js" of package "@demo/widget" does not exist',
    ]);
  });
});
