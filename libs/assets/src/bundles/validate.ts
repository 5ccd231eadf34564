import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import {
  bundleLabel,
  readBundleConfig,
  type BundleDefinition,
  type BundleSource,
  type Checked,
} from './config.js';

export interface ResolvedBundle extends BundleDefinition {
  /** Absolute paths of the source files, in output order (each glob's matches sorted). */
  sources: string[];
}

export interface ValidatedBundles {
  /** Folder the config's paths are relative to. */
  baseDir: string;
  bundles: ResolvedBundle[];
}

/**
 * Reads the config and resolves every bundle's sources. Reports, one line each: a listed file
 * that does not exist (or a package that is not installed), a glob matching nothing, a file listed twice in a bundle, two bundles
 * writing the same output and a bundle name used in both lists.
 */
export async function validateBundles(configPath: string): Promise<Checked<ValidatedBundles>> {
  const config = await readBundleConfig(configPath);
  const problems = [...config.problems];
  const resolved: ResolvedBundle[] = [];
  for (const bundle of config.value.bundles) {
    const sources = await resolveSources(bundle, config.value.baseDir);
    problems.push(...sources.problems);
    resolved.push({ ...bundle, sources: sources.value });
  }
  problems.push(...clashes(resolved, (bundle) => bundle.output, 'write the same output'));
  problems.push(...clashes(resolved, (bundle) => bundle.name, 'share a name'));
  return { value: { baseDir: config.value.baseDir, bundles: resolved }, problems };
}

async function resolveSources(
  bundle: BundleDefinition,
  baseDir: string,
): Promise<Checked<string[]>> {
  const where = bundleLabel(bundle);
  const problems: string[] = [];
  const sources: string[] = [];
  for (const entry of bundle.files) {
    const matches = await expandEntry(entry, baseDir);
    if (matches.length === 0) problems.push(`${where}: ${describeMissing(entry, baseDir)}`);
    for (const path of matches) {
      if (sources.includes(path)) {
        problems.push(`${where}: file "${relative(baseDir, path)}" is listed twice`);
      } else {
        sources.push(path);
      }
    }
  }
  return { value: sources, problems };
}

async function expandEntry(entry: BundleSource, baseDir: string): Promise<string[]> {
  if (typeof entry !== 'string') {
    const root = packageRoot(entry.package, baseDir);
    return root && (await isFile(join(root, entry.file))) ? [join(root, entry.file)] : [];
  }
  if (isDynamicPattern(entry)) {
    const matches = await glob(entry, { cwd: baseDir, absolute: true, onlyFiles: true });
    return matches.map((path) => resolve(path)).sort();
  }
  const path = resolve(baseDir, entry);
  return (await isFile(path)) ? [path] : [];
}

function describeMissing(entry: BundleSource, baseDir: string): string {
  if (typeof entry !== 'string') {
    return packageRoot(entry.package, baseDir)
      ? `file "${entry.file}" of package "${entry.package}" does not exist`
      : `package "${entry.package}" is not installed`;
  }
  return isDynamicPattern(entry)
    ? `pattern "${entry}" matches no file`
    : `file "${entry}" does not exist`;
}

/**
 * The folder of `name` as Node finds it from `baseDir` (the nearest `node_modules/<name>` up the
 * tree), wherever the install placed it. Found by folder rather than by `require.resolve` of
 * the file, so a package's `exports` map (which lists modules, not shipped assets) does not
 * hide a file.
 */
function packageRoot(name: string, baseDir: string): string | undefined {
  const searched = createRequire(join(baseDir, 'package.json')).resolve.paths(name) ?? [];
  return searched
    .map((nodeModules) => join(nodeModules, name))
    .find((root) => existsSync(join(root, 'package.json')));
}

function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (stats) => stats.isFile(),
    () => false,
  );
}

function clashes(
  bundles: ResolvedBundle[],
  keyOf: (bundle: ResolvedBundle) => string,
  what: string,
): string[] {
  const byKey = new Map<string, ResolvedBundle[]>();
  for (const bundle of bundles)
    byKey.set(keyOf(bundle), [...(byKey.get(keyOf(bundle)) ?? []), bundle]);
  return [...byKey]
    .filter(([, group]) => group.length > 1)
    .map(([key, group]) => `${group.map(bundleLabel).join(' and ')} ${what} ("${key}")`);
}
