/**
 * PostgreSQL's COPY text format, the one `COPY ... TO STDOUT` writes: a row per line, columns
 * separated by tabs, `\N` for NULL, and backslash escapes for the characters that would break
 * the layout. Restores read it back into values the server parses with each column's own input
 * function, as COPY FROM does.
 */

const ESCAPES: Record<string, string> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/** The rows of a COPY text stream: each a list of column values, `null` for `\N`. */
export function parseCopyText(text: string): (string | null)[][] {
  if (text === '') return [];
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  return lines.map((line) => line.split('\t').map(decodeField));
}

function decodeField(field: string): string | null {
  if (field === '\\N') return null;
  if (!field.includes('\\')) return field;
  return field.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_match, code: string) => {
    if (code.startsWith('x')) return String.fromCharCode(parseInt(code.slice(1), 16));
    if (/^[0-7]/.test(code)) return String.fromCharCode(parseInt(code, 8));
    return ESCAPES[code] ?? code;
  });
}
