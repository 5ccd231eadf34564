import { isMarkedLine, type LineRange } from './code-info.js';

const TAG = /<\/?span[^>]*>/g;

/**
 * Splits highlighted code (text and highlight.js's `<span class="hljs-...">` tags) into lines
 * that each stand alone: a span crossing a line end (a multi-line comment or string) is closed
 * at the end of the line and opened again at the start of the next.
 */
export function splitHighlightedLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let current = '';
  let last = 0;
  const addText = (text: string) => {
    const parts = text.split('\n');
    current += parts[0];
    for (const part of parts.slice(1)) {
      lines.push(current + '</span>'.repeat(open.length));
      current = open.join('') + part;
    }
  };
  for (const match of html.matchAll(TAG)) {
    addText(html.slice(last, match.index));
    const tag = match[0];
    if (tag.startsWith('</')) open.pop();
    else open.push(tag);
    current += tag;
    last = match.index + tag.length;
  }
  addText(html.slice(last));
  lines.push(current);
  // Fenced code ends with its last line, not with an empty one after it.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Wraps each line in `<span class="code-line">`, adding `code-line--marked` to the lines the
 * ranges name. Lines beyond the end of the block are ignored.
 */
export function markCodeLines(html: string, ranges: readonly LineRange[]): string {
  return splitHighlightedLines(html)
    .map((line, index) => {
      const className = isMarkedLine(index + 1, ranges)
        ? 'code-line code-line--marked'
        : 'code-line';
      return `<span class="${className}">${line}</span>`;
    })
    .join('\n');
}
