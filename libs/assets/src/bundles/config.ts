import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** The two lists of a bundle config; each bundle is named by its list and its name. */
export const BUNDLE_KINDS = ['stylesheets', 'scripts'] as const;
export type BundleKind = (typeof BUNDLE_KINDS)[number];

const OUTPUT_EXTENSION: Record<BundleKind, string> = { stylesheets: '.css', scripts: '.js' };

export interface BundleDefinition {
  kind: BundleKind;
  name: string;
  /** Source files or glob patterns, relative to the config file's folder, in output order. */
  files: string[];
  /** Output file name (a content hash is inserted before the extension). */
  output: string;
  /** Largest allowed minified size in bytes. */
  maxBytes?: number;
}

export interface BundleConfig {
  /** Folder the `files` entries are relative to: the config file's own. */
  baseDir: string;
  bundles: BundleDefinition[];
}

export interface Checked<T> {
  value: T;
  /** One line per problem; empty when the value can be used. */
  problems: string[];
}

/** Reads and checks the shape of a bundle config file; problems name the bundle at fault. */
export async function readBundleConfig(configPath: string): Promise<Checked<BundleConfig>> {
  const baseDir = dirname(resolve(configPath));
  let json: unknown;
  try {
    json = JSON.parse(await readFile(configPath, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { value: { baseDir, bundles: [] }, problems: [`${configPath}: ${reason}`] };
  }
  const { value, problems } = parseBundleConfig(json);
  return { value: { baseDir, bundles: value }, problems };
}

export function parseBundleConfig(json: unknown): Checked<BundleDefinition[]> {
  const bundles: BundleDefinition[] = [];
  const problems: string[] = [];
  if (!isRecord(json)) return { value: bundles, problems: ['config must be a JSON object'] };
  for (const key of Object.keys(json)) {
    if (key !== '$schema' && !(BUNDLE_KINDS as readonly string[]).includes(key)) {
      problems.push(`unknown list "${key}"; the lists are ${BUNDLE_KINDS.join(' and ')}`);
    }
  }
  for (const kind of BUNDLE_KINDS) {
    const list = json[kind] ?? {};
    if (!isRecord(list)) {
      problems.push(`${kind} must be an object of named bundles`);
      continue;
    }
    for (const [name, entry] of Object.entries(list)) {
      const checked = parseBundle(kind, name, entry);
      problems.push(...checked.problems);
      if (checked.problems.length === 0) bundles.push(checked.value);
    }
  }
  return { value: bundles, problems };
}

function parseBundle(kind: BundleKind, name: string, entry: unknown): Checked<BundleDefinition> {
  const where = bundleLabel({ kind, name });
  const problems: string[] = [];
  const bundle: BundleDefinition = { kind, name, files: [], output: '' };
  if (!isRecord(entry)) return { value: bundle, problems: [`${where}: must be an object`] };
  const { files, output, maxBytes } = entry;
  if (!Array.isArray(files) || files.length === 0 || !files.every((f) => typeof f === 'string')) {
    problems.push(`${where}: "files" must be a non-empty list of paths or glob patterns`);
  } else {
    bundle.files = files;
  }
  const extension = OUTPUT_EXTENSION[kind];
  if (typeof output !== 'string' || !/^[\w.-]+$/.test(output) || !output.endsWith(extension)) {
    problems.push(`${where}: "output" must be a plain file name ending in ${extension}`);
  } else {
    bundle.output = output;
  }
  if (maxBytes !== undefined) {
    if (typeof maxBytes !== 'number' || !Number.isInteger(maxBytes) || maxBytes <= 0) {
      problems.push(`${where}: "maxBytes" must be a positive whole number of bytes`);
    } else {
      bundle.maxBytes = maxBytes;
    }
  }
  return { value: bundle, problems };
}

/** How problems name a bundle: its list and its name, e.g. `scripts bundle "realtime"`. */
export function bundleLabel(bundle: Pick<BundleDefinition, 'kind' | 'name'>): string {
  return `${bundle.kind} bundle "${bundle.name}"`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
