import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateBundles } from './validate.js';

const fixtures = join(import.meta.dirname, '../../test/fixtures/bundles');
const config = (name: string): string => join(fixtures, name, 'bundles.json');

describe('validateBundles', () => {
  it('resolves files and globs in order for a valid config', async () => {
    const { value, problems } = await validateBundles(config('valid'));
    expect(problems).toEqual([]);
    expect(value.baseDir).toBe(join(fixtures, 'valid'));
    expect(
      value.bundles.map((bundle) => [
        bundle.kind,
        bundle.name,
        bundle.sources.map((path) => path.slice(value.baseDir.length + 1)),
      ]),
    ).toEqual([
      ['stylesheets', 'print', ['styles/print.css']],
      ['stylesheets', 'code-themes', ['styles/themes/dark.css', 'styles/themes/light.css']],
      ['scripts', 'greeting', ['scripts/greet.js', 'scripts/use-greet.js']],
    ]);
  });

  it.each([
    ['missing-file', 'stylesheets bundle "print": file "styles/missing.css" does not exist'],
    ['empty-glob', 'scripts bundle "vendor": pattern "vendor/*.js" matches no file'],
    [
      'duplicate-output',
      'stylesheets bundle "print" and stylesheets bundle "screen" write the same output ("site.css")',
    ],
    ['duplicate-file', 'scripts bundle "app": file "scripts/first.js" is listed twice'],
  ])('reports %s in one line', async (fixture, line) => {
    expect((await validateBundles(config(fixture))).problems).toEqual([line]);
  });

  it('reports every shape problem of a config', async () => {
    expect((await validateBundles(config('bad-shape'))).problems).toEqual([
      'unknown list "styles"; the lists are stylesheets and scripts',
      'scripts bundle "app": "files" must be a non-empty list of paths or glob patterns',
      'scripts bundle "app": "output" must be a plain file name ending in .js',
      'scripts bundle "app": "maxBytes" must be a positive whole number of bytes',
    ]);
  });

  it('reports a missing config file', async () => {
    const { problems } = await validateBundles(config('no-such-fixture'));
    expect(problems).toEqual([expect.stringMatching(/no-such-fixture\/bundles\.json: ENOENT/)]);
  });
});
