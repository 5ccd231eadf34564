import { readFile } from 'node:fs/promises';
import { type BundleKind } from './config.js';

export interface ManifestEntry {
  kind: BundleKind;
  /** URL of the content-hashed file: safe to cache forever. */
  url: string;
  /** Subresource Integrity value for the `integrity` attribute. */
  integrity: string;
  bytes: number;
}

/** Bundle name -> its built file. Written as `manifest.json` next to the bundles. */
export type BundleManifest = Record<string, ManifestEntry>;

export const MANIFEST_FILE = 'manifest.json';

export async function readBundleManifest(path: string): Promise<BundleManifest> {
  return JSON.parse(await readFile(path, 'utf8')) as BundleManifest;
}

export type BundleTagAttributes =
  | { rel: 'stylesheet'; href: string; integrity: string; crossOrigin: 'anonymous' }
  | { src: string; integrity: string; crossOrigin: 'anonymous' };

/**
 * Attributes of the `<link rel="stylesheet">` or `<script>` tag for a bundle. Throws naming the
 * bundle when the manifest lacks it, so a missing build fails at start-up, not as a 404.
 */
export function bundleTagAttributes(manifest: BundleManifest, name: string): BundleTagAttributes {
  const entry = manifest[name];
  if (!entry) {
    throw new Error(`Bundle "${name}" is not in the manifest; run the bundles build.`);
  }
  const shared = { integrity: entry.integrity, crossOrigin: 'anonymous' } as const;
  return entry.kind === 'stylesheets'
    ? { rel: 'stylesheet', href: entry.url, ...shared }
    : { src: entry.url, ...shared };
}
