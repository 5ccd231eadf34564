const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/**
 * Keys next to each other on a QWERTY keyboard. Each row sits half a key to the right of the
 * one above, so the key in column i touches columns i and i + 1 above it, i - 1 and i below.
 */
const NEIGHBOURS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const neighbours = new Map<string, Set<string>>();
  const link = (a: string | undefined, b: string | undefined): void => {
    if (a === undefined || b === undefined) return;
    neighbours.set(a, (neighbours.get(a) ?? new Set()).add(b));
    neighbours.set(b, (neighbours.get(b) ?? new Set()).add(a));
  };
  KEYBOARD_ROWS.forEach((row, r) => {
    [...row].forEach((key, i) => {
      link(key, row[i + 1]);
      link(key, KEYBOARD_ROWS[r + 1]?.[i - 1]);
      link(key, KEYBOARD_ROWS[r + 1]?.[i]);
    });
  });
  return neighbours;
})();

export function adjacentKeys(a: string, b: string): boolean {
  return NEIGHBOURS.get(a)?.has(b) ?? false;
}
