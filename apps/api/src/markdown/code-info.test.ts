import { describe, expect, test } from 'vitest';
import { MAX_RANGES, parseCodeInfo } from './code-info.js';
import { splitHighlightedLines } from './highlighted-lines.js';

describe('parseCodeInfo', () => {
  test('reads the language and the marked lines', () => {
    expect(parseCodeInfo('ts {3-5}')).toEqual({
      language: 'ts',
      markedLines: [{ from: 3, to: 5 }],
    });
    expect(parseCodeInfo('{1,3-4}')).toEqual({
      language: undefined,
      markedLines: [
        { from: 1, to: 1 },
        { from: 3, to: 4 },
      ],
    });
    expect(parseCodeInfo(undefined)).toEqual({ language: undefined, markedLines: [] });
  });

  test.each(['ts {5-3}', 'ts {0}', 'ts {a-b}', 'ts {-1}', 'ts {1-99999999999}', 'ts {', 'ts {}'])(
    'ignores the ranges of %s',
    (info) => {
      expect(parseCodeInfo(info)).toEqual({ language: 'ts', markedLines: [] });
    },
  );

  test(`reads at most ${MAX_RANGES} ranges`, () => {
    const spec = Array.from({ length: 5000 }, (_, i) => String(i + 1)).join(',');
    expect(parseCodeInfo(`ts {${spec}}`).markedLines).toHaveLength(MAX_RANGES);
  });

  test('keeps the valid ranges beside invalid ones', () => {
    expect(parseCodeInfo('sql {x, 2, 7-6}').markedLines).toEqual([{ from: 2, to: 2 }]);
  });
});

describe('splitHighlightedLines', () => {
  test('a span crossing a line end is closed and opened again', () => {
    expect(splitHighlightedLines('a <span class="c">/* one\ntwo */</span> b\nc\n')).toEqual([
      'a <span class="c">/* one</span>',
      '<span class="c">two */</span> b',
      'c',
    ]);
  });
});
