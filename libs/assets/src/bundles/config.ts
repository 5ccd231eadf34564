import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

/** The two lists of a bundle config; each bundle is named by its list and its name. */
export const BUNDLE_KINDS = ['stylesheets', 'scripts'] as const;
export type BundleKind = (typeof BUNDLE_KINDS)[number];

const OUTPUT_EXTENSION: Record<BundleKind, string> = { stylesheets: '.css', scripts: '.js' };

/** A file shipped inside an installed npm package, found from the config file's folder. */
export interface PackageFile {
  /** Package name, e.g. `faye` or `@scope/name`. */
  package: string;
  /** Path inside the package, e.g. `client/faye-browser-min.js`. */
  file: string;
}

/** A path or glob pattern relative to the config file's folder, or a package's file. */
export type BundleSource = string | PackageFile;

export interface BundleDefinition {
  kind: BundleKind;
  name: string;
  /** Sources in output order. */
  files: BundleSource[];
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

const packageFileSchema = z.strictObject({
  package: z
    .string({ error: 'must be an npm package name' })
    .regex(/^(@[\w.-]+\/)?[\w.-]+$/, { error: 'must be an npm package name' }),
  file: z
    .string({ error: 'must be a relative path inside the package' })
    .refine((file) => file !== '' && !isAbsolute(file) && !file.split(/[\\/]/).includes('..'), {
      error: 'must be a relative path inside the package',
    }),
});

const sourceSchema = z.union([z.string().min(1), packageFileSchema], {
  error: 'must be a path, a glob pattern or { "package", "file" }',
});

const bundleSchema = (kind: BundleKind) => {
  const extension = OUTPUT_EXTENSION[kind];
  const outputError = `must be a plain file name ending in ${extension}`;
  return z.strictObject(
    {
      files: z
        .array(sourceSchema, { error: 'must be a non-empty list of paths or glob patterns' })
        .min(1, { error: 'must be a non-empty list of paths or glob patterns' }),
      output: z
        .string({ error: outputError })
        .regex(/^[\w.-]+$/, { error: outputError })
        .refine((output) => output.endsWith(extension), { error: outputError }),
      maxBytes: z
        .int({ error: 'must be a positive whole number of bytes' })
        .positive({ error: 'must be a positive whole number of bytes' })
        .optional(),
    },
    { error: 'must be an object' },
  );
};

const bundleListSchema = (kind: BundleKind) =>
  z
    .record(z.string(), bundleSchema(kind), { error: 'must be an object of named bundles' })
    .optional();

const configSchema = z.strictObject(
  {
    $schema: z.string().optional(),
    stylesheets: bundleListSchema('stylesheets'),
    scripts: bundleListSchema('scripts'),
  },
  { error: 'config must be a JSON object' },
);

/**
 * Checks a parsed config against its schema. Problems, one line each, name the list, the bundle
 * and the field at fault; no bundle is returned until the whole config is well formed.
 */
export function parseBundleConfig(json: unknown): Checked<BundleDefinition[]> {
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) {
    // The config's own problems first, then the lists', then the bundles' fields.
    const issues = parsed.error.issues.toSorted((a, b) => a.path.length - b.path.length);
    return { value: [], problems: [...new Set(issues.flatMap(describeIssue))] };
  }
  const bundles = BUNDLE_KINDS.flatMap((kind) =>
    Object.entries(parsed.data[kind] ?? {}).map(([name, { files, output, maxBytes }]) => ({
      kind,
      name,
      files,
      output,
      ...(maxBytes === undefined ? {} : { maxBytes }),
    })),
  );
  return { value: bundles, problems: [] };
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
  const [kind, name, ...field] = issue.path.map(String);
  const where = kind !== undefined && name !== undefined ? bundleLabel({ kind, name }) : '';
  if (issue.code === 'unrecognized_keys') {
    if (kind === undefined) {
      return issue.keys.map(
        (key) => `unknown list "${key}"; the lists are ${BUNDLE_KINDS.join(' and ')}`,
      );
    }
    const fieldPrefix = field.length > 0 ? `"${fieldName(field)}" has ` : '';
    return issue.keys.map((key) => `${where}: ${fieldPrefix}unknown field "${key}"`);
  }
  if (kind === undefined) return [issue.message];
  if (name === undefined) return [`${kind} ${issue.message}`];
  if (field.length === 0) return [`${where}: ${issue.message}`];
  return [`${where}: "${fieldName(field)}" ${issue.message}`];
}

/** `['files', '0', 'package']` -> `files[0].package`. */
function fieldName(path: string[]): string {
  return path
    .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

/** How problems name a bundle: its list and its name, e.g. `scripts bundle "realtime"`. */
export function bundleLabel(bundle: { kind: string; name: string }): string {
  return `${bundle.kind} bundle "${bundle.name}"`;
}
