/** A span of lines, both ends included, counted from 1. */
export interface LineRange {
  from: number;
  to: number;
}

/** What a fenced code block's info string says: ```` ```ts {3-5} ```` or ```` ```{1,3-4} ````. */
export interface CodeInfo {
  language: string | undefined;
  /** Lines to mark, as written; empty when none were asked for or none were understood. */
  markedLines: LineRange[];
}

/** Larger numbers are typos, not lines: a post's code block never has this many. */
const MAX_LINE = 100_000;
/** Ranges read per block; more are ignored (each line is checked against every range). */
export const MAX_RANGES = 50;

const LINE_SPEC = /\{([^}]*)\}/;
const RANGE = /^(\d+)(?:-(\d+))?$/;

/**
 * Reads the language and the `{...}` line ranges of an info string. A range that is not
 * `N` or `N-M` with 1 <= N <= M is ignored, never an error: the block still renders.
 */
export function parseCodeInfo(info: string | undefined): CodeInfo {
  const text = info?.trim() ?? '';
  const firstWord = text.split(/\s+/)[0] ?? '';
  const language = firstWord && !firstWord.startsWith('{') ? firstWord : undefined;
  const spec = LINE_SPEC.exec(text)?.[1] ?? '';
  return { language, markedLines: parseLineRanges(spec) };
}

export function parseLineRanges(spec: string): LineRange[] {
  const ranges: LineRange[] = [];
  for (const part of spec.split(',', MAX_RANGES)) {
    const match = RANGE.exec(part.trim());
    if (!match) continue;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (from >= 1 && from <= to && to <= MAX_LINE) ranges.push({ from, to });
  }
  return ranges;
}

export function isMarkedLine(line: number, ranges: readonly LineRange[]): boolean {
  return ranges.some((range) => line >= range.from && line <= range.to);
}
