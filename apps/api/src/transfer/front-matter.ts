import { parse, stringify } from 'yaml';

export interface FrontMatterDocument {
  data: Record<string, unknown>;
  body: string;
  /** `yaml`, or `toml` for Hugo's `+++` block, which is not read (its data is left empty). */
  kind: 'yaml' | 'toml' | 'none';
}

const YAML_BLOCK = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const TOML_BLOCK = /^\+\+\+\r?\n[\s\S]*?\r?\n\+\+\+[ \t]*(?:\r?\n|$)/;

/** Splits a Markdown file into its front matter (YAML, as Jekyll, Hugo, Astro, Eleventy write it) and body. */
export function readFrontMatter(text: string): FrontMatterDocument {
  const source = text.replace(/^\uFEFF/, '');
  const yaml = YAML_BLOCK.exec(source);
  if (yaml) {
    const data: unknown = parse(yaml[1] ?? '') ?? {};
    if (typeof data !== 'object' || Array.isArray(data))
      throw new Error('front matter is not a map');
    return {
      data: data as Record<string, unknown>,
      body: source.slice(yaml[0].length),
      kind: 'yaml',
    };
  }
  const toml = TOML_BLOCK.exec(source);
  if (toml) return { data: {}, body: source.slice(toml[0].length), kind: 'toml' };
  return { data: {}, body: source, kind: 'none' };
}

/** The file an export writes: a YAML front matter block, a blank line, the body. */
export function writeFrontMatter(data: Record<string, unknown>, body: string): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body.endsWith('\n') ? body : `${body}\n`}`;
}
