import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { bundleLabel, readBundleConfig, type BundleDefinition, type Checked } from './config.js';

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
 * that does not exist, a glob matching nothing, a file listed twice in a bundle, two bundles
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
    if (matches.length === 0) {
      problems.push(
        isDynamicPattern(entry)
          ? `${where}: pattern "${entry}" matches no file`
          : `${where}: file "${entry}" does not exist`,
      );
    }
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

async function expandEntry(entry: string, baseDir: string): Promise<string[]> {
  if (isDynamicPattern(entry)) {
    const matches = await glob(entry, { cwd: baseDir, absolute: true, onlyFiles: true });
    return matches.map((path) => resolve(path)).sort();
  }
  const path = resolve(baseDir, entry);
  const isFile = await stat(path).then(
    (stats) => stats.isFile(),
    () => false,
  );
  return isFile ? [path] : [];
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
