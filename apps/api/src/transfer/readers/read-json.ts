import { readFile } from 'node:fs/promises';
import { type FrontMatterDocument, readFrontMatter } from '../front-matter.js';
import { ImportSourceError } from '../source-error.js';

/** A JSON file's value; a malformed one is an ImportSourceError naming the file and the problem. */
export async function readJsonFile(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ImportSourceError(file, `is not valid JSON (${(error as Error).message})`);
  }
}

/** A Markdown file's front matter and body; malformed YAML is an ImportSourceError naming the file. */
export async function readMarkdownFile(file: string): Promise<FrontMatterDocument> {
  const text = await readFile(file, 'utf8');
  try {
    return readFrontMatter(text);
  } catch (error) {
    throw new ImportSourceError(
      file,
      `has front matter that is not valid YAML (${(error as Error).message})`,
    );
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` when it is a non-empty string, else null. */
export function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** A date from a string or number, or null when there is none or it is not a date. */
export function dateOf(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  // Ghost and WordPress write `2024-02-11 08:40:00` in UTC.
  const date = new Date(
    typeof value === 'string' && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(value)
      ? `${value.replace(' ', 'T')}Z`
      : value,
  );
  return Number.isNaN(date.getTime()) ? null : date;
}
