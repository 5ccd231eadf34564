import { createHash } from 'node:crypto';
import { join, parse } from 'node:path';
import { writeFileAtomic } from '../shared/atomic-write.js';
import { bundleLabel, type Checked } from './config.js';
import { MANIFEST_FILE, type BundleManifest } from './manifest.js';
import { validateBundles, type ResolvedBundle } from './validate.js';

export interface BuildOptions {
  configPath: string;
  outDir: string;
  /** URL prefix the web app serves `outDir` under. Default `/assets/`. */
  baseUrl?: string;
}

export interface BuiltBundle {
  name: string;
  file: string;
  sourceBytes: number;
  bytes: number;
  maxBytes?: number;
}

interface Output extends BuiltBundle {
  code: string;
}

/**
 * Validates, then minifies every bundle into a content-hashed file and writes the manifest.
 * Writes nothing at all when any bundle has a problem (including an empty output or one over
 * its size budget), so a failed build never leaves a manifest pointing at a half-built set.
 */
export async function buildBundles(options: BuildOptions): Promise<Checked<BuiltBundle[]>> {
  const validated = await validateBundles(options.configPath);
  if (validated.problems.length > 0) return { value: [], problems: validated.problems };
  const { baseDir, bundles } = validated.value;
  const problems: string[] = [];
  const outputs: Output[] = [];
  for (const bundle of bundles) {
    try {
      const output = await buildOne(bundle, baseDir);
      problems.push(...sizeProblems(bundle, output));
      outputs.push(output);
    } catch (error) {
      problems.push(`${bundleLabel(bundle)}: ${firstLine(error)}`);
    }
  }
  if (problems.length > 0) return { value: [], problems };

  const baseUrl = (options.baseUrl ?? '/assets/').replace(/\/?$/, '/');
  const manifest: BundleManifest = {};
  for (const [index, output] of outputs.entries()) {
    await writeFileAtomic(join(options.outDir, output.file), output.code);
    manifest[output.name] = {
      kind: bundles[index]!.kind,
      url: `${baseUrl}${output.file}`,
      integrity: `sha384-${createHash('sha384').update(output.code).digest('base64')}`,
      bytes: output.bytes,
    };
  }
  // Written last: the manifest only ever names files that are already in place.
  await writeFileAtomic(
    join(options.outDir, MANIFEST_FILE),
    `${JSON.stringify(manifest, null, 2)}\n`,
  );
  return { value: outputs.map(({ code: _code, ...built }) => built), problems: [] };
}

async function buildOne(bundle: ResolvedBundle, baseDir: string): Promise<Output> {
  // Loaded here, not at import: the site imports this entry to read its manifest, and the
  // minifiers (lightningcss maps a native library) are build tools it never runs.
  const { minifySources } = await import('./minify.js');
  const { code, sourceBytes } = await minifySources(bundle.kind, bundle.sources, baseDir);
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 10);
  const { name, ext } = parse(bundle.output);
  return {
    name: bundle.name,
    file: `${name}.${hash}${ext}`,
    code,
    sourceBytes,
    bytes: Buffer.byteLength(code),
    maxBytes: bundle.maxBytes,
  };
}

function sizeProblems(bundle: ResolvedBundle, output: Output): string[] {
  if (output.code.trim().length === 0) {
    return [`${bundleLabel(bundle)}: output is empty after minifying`];
  }
  if (bundle.maxBytes !== undefined && output.bytes > bundle.maxBytes) {
    return [
      `${bundleLabel(bundle)}: ${output.bytes} bytes is over its budget of ${bundle.maxBytes} bytes`,
    ];
  }
  return [];
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
