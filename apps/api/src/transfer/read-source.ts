import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { type BlogBundle } from './blog-bundle.js';
import { MANIFEST_FILE } from './inkwell-export-format.js';
import { readGhostExport } from './readers/ghost.js';
import { readInkwellExport } from './readers/inkwell.js';
import { readMarkdownFolder } from './readers/markdown-folder.js';
import { readWordPressExport } from './readers/wxr.js';
import { ImportSourceError } from './source-error.js';

export const IMPORT_FORMATS = ['inkwell', 'markdown', 'ghost', 'wxr'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const READERS: Record<ImportFormat, (source: string) => Promise<BlogBundle>> = {
  inkwell: readInkwellExport,
  markdown: readMarkdownFolder,
  ghost: readGhostExport,
  wxr: readWordPressExport,
};

/** Reads `source` in the given format, or the one it looks like. */
export async function readSource(
  source: string,
  format?: ImportFormat,
): Promise<{ format: ImportFormat; bundle: BlogBundle }> {
  const absolute = path.resolve(source);
  const detected = format ?? (await detectFormat(absolute));
  return { format: detected, bundle: await READERS[detected](absolute) };
}

/**
 * A folder with manifest.json is an Inkwell export, any other folder Markdown files; a file is a
 * Ghost export when it holds JSON, a WordPress one when it holds XML.
 */
export async function detectFormat(source: string): Promise<ImportFormat> {
  const info = await stat(source).catch(() => null);
  if (!info) throw new ImportSourceError(source, 'does not exist');
  if (info.isDirectory()) {
    const manifest = await stat(path.join(source, MANIFEST_FILE)).catch(() => null);
    return manifest?.isFile() ? 'inkwell' : 'markdown';
  }
  const handle = await open(source);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(512), 0, 512, 0);
    const start = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart();
    if (start.startsWith('{')) return 'ghost';
    if (start.startsWith('<')) return 'wxr';
  } finally {
    await handle.close();
  }
  throw new ImportSourceError(
    source,
    `is neither JSON (Ghost) nor XML (WordPress): name its format with --format ${IMPORT_FORMATS.join('|')}`,
  );
}
