import { describe, expect, it } from 'vitest';
import { bundleTagAttributes, type BundleManifest } from './manifest.js';

const manifest: BundleManifest = {
  print: { kind: 'stylesheets', url: '/assets/print.abc.css', integrity: 'sha384-A', bytes: 10 },
  realtime: { kind: 'scripts', url: '/assets/realtime.def.js', integrity: 'sha384-B', bytes: 20 },
};

describe('bundleTagAttributes', () => {
  it('gives a stylesheet link', () => {
    expect(bundleTagAttributes(manifest, 'print')).toEqual({
      rel: 'stylesheet',
      href: '/assets/print.abc.css',
      integrity: 'sha384-A',
      crossOrigin: 'anonymous',
    });
  });

  it('gives a script', () => {
    expect(bundleTagAttributes(manifest, 'realtime')).toEqual({
      src: '/assets/realtime.def.js',
      integrity: 'sha384-B',
      crossOrigin: 'anonymous',
    });
  });

  it('names a bundle the manifest lacks', () => {
    expect(() => bundleTagAttributes(manifest, 'vendor')).toThrow(
      'Bundle "vendor" is not in the manifest; run the bundles build.',
    );
  });
});
