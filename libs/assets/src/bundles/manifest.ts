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
