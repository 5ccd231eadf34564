import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { transform as transformScript, type Message as EsbuildMessage } from 'esbuild';
import { transform as transformStylesheet } from 'lightningcss';
import { type BundleKind } from './config.js';

/**
 * Minifies each source on its own (so a syntax error names its file) and joins them in order.
 * Scripts stay classic scripts: esbuild keeps top-level names, which other scripts may use.
 */
export async function minifySources(
  kind: BundleKind,
  sources: readonly string[],
  baseDir: string,
): Promise<{ code: string; sourceBytes: number }> {
  let sourceBytes = 0;
  const parts: string[] = [];
  for (const path of sources) {
    const code = await readFile(path);
    sourceBytes += code.byteLength;
    const name = relative(baseDir, path);
    try {
      parts.push(
        kind === 'scripts' ? await minifyScript(code, name) : minifyStylesheet(code, name),
      );
    } catch (error) {
      throw new Error(syntaxErrorLine(error, name));
    }
  }
  return { code: parts.join(''), sourceBytes };
}

async function minifyScript(code: Buffer, name: string): Promise<string> {
  const result = await transformScript(code.toString('utf8'), {
    loader: 'js',
    minify: true,
    sourcefile: name,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.code;
}

function minifyStylesheet(code: Buffer, name: string): string {
  return new TextDecoder().decode(transformStylesheet({ filename: name, code, minify: true }).code);
}

/** `file:line:column: message` from an esbuild or lightningcss error. */
function syntaxErrorLine(error: unknown, name: string): string {
  const esbuildError = (error as { errors?: EsbuildMessage[] }).errors?.[0];
  if (esbuildError) {
    const at = esbuildError.location;
    return `${name}:${at?.line ?? 0}:${at?.column ?? 0}: ${esbuildError.text}`;
  }
  const cssError = error as { message?: string; loc?: { line: number; column: number } };
  return `${name}:${cssError.loc?.line ?? 0}:${cssError.loc?.column ?? 0}: ${cssError.message ?? String(error)}`;
}
