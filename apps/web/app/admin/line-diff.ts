import { diffArrays } from 'diff';

/*
 * A line diff for the editor's conflict view: what the author tried to save against what is
 * saved now. jsdiff's Myers diff over the lines (split on "\n" alone, so an empty text is one
 * empty line and a trailing newline shows as a line of its own).
 */

export interface DiffLine {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/**
 * Beyond this many changed lines the diff stops looking for shared ones and shows the whole
 * of both sides as removed then added (still correct; ~190 ms worst case on 3000 lines).
 */
const MAX_EDIT_LENGTH = 1_000;

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const changes = diffArrays(a, b, { maxEditLength: MAX_EDIT_LENGTH });
  if (changes === undefined) {
    return [...a.map((text) => line('removed', text)), ...b.map((text) => line('added', text))];
  }
  return changes.flatMap((change) => {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    return change.value.map((text) => line(kind, text));
  });
}

function line(kind: DiffLine['kind'], text: string): DiffLine {
  return { kind, text };
}

/** True when the diff has any change at all. */
export function hasChanges(lines: readonly DiffLine[]): boolean {
  return lines.some((line) => line.kind !== 'same');
}
