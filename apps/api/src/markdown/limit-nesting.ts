/**
 * How many block containers (quotes and list items) one line may open. The Markdown parser
 * recurses once per level, so a few thousand `>` or `1. ` in a comment overflow its stack; no
 * real text nests this deep.
 */
export const MAX_NESTING = 16;

/** One container marker at the start of a line: `>`, a bullet or an ordered-list number. */
const CONTAINER_MARKER = /^[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;

/**
 * Escapes the container markers of a line past `maxDepth`, so they read as the characters typed
 * instead of opening another level.
 */
function limitLine(line: string, maxDepth: number): string {
  let rest = line;
  let kept = '';
  for (let depth = 0; ; depth += 1) {
    const marker = CONTAINER_MARKER.exec(rest)?.[0];
    if (marker === undefined) return line;
    if (depth === maxDepth) {
      // A backslash before the marker's punctuation makes it literal text (CommonMark escapes).
      const punctuation = marker.length - 1;
      return `${kept}${marker.slice(0, punctuation)}\\${marker.slice(punctuation)}${rest.slice(marker.length)}`;
    }
    kept += marker;
    rest = rest.slice(marker.length);
  }
}

/** Caps the block nesting of Markdown before it is parsed. Lines within the cap are untouched. */
export function limitNesting(markdown: string, maxDepth = MAX_NESTING): string {
  return markdown
    .split('\n')
    .map((line) => limitLine(line, maxDepth))
    .join('\n');
}
