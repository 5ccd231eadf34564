export {
  BUNDLE_KINDS,
  bundleLabel,
  parseBundleConfig,
  readBundleConfig,
  type BundleConfig,
  type BundleDefinition,
  type BundleKind,
  type BundleSource,
  type PackageFile,
  type Checked,
} from './config.js';
export { validateBundles, type ResolvedBundle, type ValidatedBundles } from './validate.js';
export { buildBundles, type BuildOptions, type BuiltBundle } from './build.js';
export {
  MANIFEST_FILE,
  readBundleManifest,
  bundleTagAttributes,
  type BundleTagAttributes,
  type BundleManifest,
  type ManifestEntry,
} from './manifest.js';
export { runBundlesCli, BUNDLES_USAGE, type CliOutput } from './run-cli.js';
