import {
  type BundleManifest,
  type BundleTagAttributes,
  bundleTagAttributes,
  readBundleManifest,
} from '@inkwell/assets/bundles';

/*
 * The static bundles of bundles.json (not built by Vite), as the tag attributes the document
 * needs: content-hashed URLs served with immutable caching, and their SRI hashes.
 */

export interface SiteBundles {
  /** `<link media="print">` in every page's head. */
  print: BundleTagAttributes;
  /** The Faye browser client, loaded by the live comments of a post page only. */
  fayeClient: { src: string; integrity: string };
}

const manifests = new Map<string, Promise<BundleManifest>>();

/** Read once per manifest path; the server checked at start that the file exists. */
export async function siteBundles(context: { bundleManifestPath: string }): Promise<SiteBundles> {
  let manifest = manifests.get(context.bundleManifestPath);
  if (!manifest) {
    manifest = readBundleManifest(context.bundleManifestPath);
    manifests.set(context.bundleManifestPath, manifest);
  }
  const loaded = await manifest;
  const fayeClient = bundleTagAttributes(loaded, 'faye-client');
  if (!('src' in fayeClient)) throw new Error('Bundle "faye-client" must be a script bundle');
  return {
    print: bundleTagAttributes(loaded, 'print'),
    fayeClient: { src: fayeClient.src, integrity: fayeClient.integrity },
  };
}
