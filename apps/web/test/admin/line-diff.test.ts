import { describe, expect, it } from 'vitest';
import { hasChanges, lineDiff } from '../../app/admin/line-diff.js';

const render = (before: string, after: string) =>
  lineDiff(before, after).map(
    ({ kind, text }) => `${{ same: ' ', removed: '-', added: '+' }[kind]}${text}`,
  );

describe('lineDiff', () => {
  it('keeps shared lines and marks the changed one as removed then added', () => {
    expect(render('a\nb\nc', 'a\nB\nc')).toEqual([' a', '-b', '+B', ' c']);
  });

  it('finds lines inserted and deleted in the middle', () => {
    expect(render('one\ntwo\nthree\nfour', 'one\nthree\nthree and a half\nfour')).toEqual([
      ' one',
      '-two',
      ' three',
      '+three and a half',
      ' four',
    ]);
  });

  it('handles empty sides', () => {
    expect(render('', 'new')).toEqual(['-', '+new']);
    expect(hasChanges(lineDiff('same\ntext', 'same\ntext'))).toBe(false);
    expect(hasChanges(lineDiff('same', 'other'))).toBe(true);
  });

  it('stays correct for texts too different to diff: every line accounted for', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `line ${i}`).join('\n');
    const after = Array.from({ length: 3000 }, (_, i) => `LINE ${i}`).join('\n');
    const lines = lineDiff(before, after);
    expect(lines.filter((line) => line.kind === 'removed')).toHaveLength(3000);
    expect(lines.filter((line) => line.kind === 'added')).toHaveLength(3000);
  });
});
