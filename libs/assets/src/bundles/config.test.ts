import { describe, expect, it } from 'vitest';
import { parseBundleConfig } from './config.js';

const script = { files: ['app.js'], output: 'app.js' };

describe('parseBundleConfig', () => {
  it('accepts paths, globs and package files, in order', () => {
    const { value, problems } = parseBundleConfig({
      $schema: './bundles.schema.json',
      scripts: {
        vendor: {
          files: [{ package: '@demo/widget', file: 'dist/widget.js' }, 'scripts/*.js'],
          output: 'vendor.js',
          maxBytes: 1000,
        },
      },
    });
    expect(problems).toEqual([]);
    expect(value).toEqual([
      {
        kind: 'scripts',
        name: 'vendor',
        files: [{ package: '@demo/widget', file: 'dist/widget.js' }, 'scripts/*.js'],
        output: 'vendor.js',
        maxBytes: 1000,
      },
    ]);
  });

  it.each([
    [
      'a package file outside its package',
      { files: [{ package: 'faye', file: '../secrets.js' }], output: 'app.js' },
      'scripts bundle "app": "files[0].file" must be a relative path inside the package',
    ],
    [
      'a package name that is not one',
      { files: ['app.js', { package: 'no spaces', file: 'a.js' }], output: 'app.js' },
      'scripts bundle "app": "files[1].package" must be an npm package name',
    ],
    [
      'a package entry without its file',
      { files: [{ package: 'faye' }], output: 'app.js' },
      'scripts bundle "app": "files[0]" must be a path, a glob pattern or { "package", "file" }',
    ],
    [
      'a misspelt field',
      { ...script, maxbytes: 10 },
      'scripts bundle "app": unknown field "maxbytes"',
    ],
    [
      'a budget in words',
      { ...script, maxBytes: '40 kB' },
      'scripts bundle "app": "maxBytes" must be a positive whole number of bytes',
    ],
    [
      'an output in a folder',
      { ...script, output: 'js/app.js' },
      'scripts bundle "app": "output" must be a plain file name ending in .js',
    ],
    ['a bundle that is a list', ['app.js'], 'scripts bundle "app": must be an object'],
  ])('names the field at fault for %s', (_case, bundle, line) => {
    const { value, problems } = parseBundleConfig({ scripts: { app: bundle } });
    expect(problems).toEqual([line]);
    expect(value).toEqual([]);
  });

  it('names a list that is not an object, and a config that is not one', () => {
    expect(parseBundleConfig({ stylesheets: ['print.css'] }).problems).toEqual([
      'stylesheets must be an object of named bundles',
    ]);
    expect(parseBundleConfig([]).problems).toEqual(['config must be a JSON object']);
  });
});
