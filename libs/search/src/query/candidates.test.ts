import { describe, expect, it } from 'vitest';
import {
  closestSuggestions,
  compareCorrections,
  correctableWords,
  planCandidates,
  type TermSuggestion,
} from './candidates.js';
import { mayCorrect } from './suggester-policy.js';

describe('planCandidates', () => {
  it('keeps the typed text first with score 1.1 and weights (n - i) * s', () => {
    const candidates = planCandidates(
      'Firefix',
      new Map([
        [
          'firefix',
          [
            { text: 'firefox', score: 0.857, freq: 3 },
            { text: 'firefly', score: 0.714, freq: 1 },
          ],
        ],
      ]),
    );
    expect(
      candidates.map(({ text, score, weight, titleBoost, bodyBoost }) => [
        text,
        score,
        weight,
        titleBoost,
        bodyBoost,
      ]),
    ).toEqual([
      ['Firefix', 1.1, 3.3, 6.6, 3.3],
      ['firefox', 0.857, 1.714, 3.428, 1.714],
      ['firefly', 0.714, 0.714, 1.428, 0.714],
    ]);
  });

  it('drops alternatives under 0.6, duplicates, and keeps five candidates at most', () => {
    const options = ['aaaa', 'bbbb', 'cccc', 'dddd', 'eeee', 'ffff'].map((text, i) => ({
      text,
      score: 0.95 - i * 0.01,
      freq: 1,
    }));
    const candidates = planCandidates(
      'wxyz',
      new Map([
        [
          'wxyz',
          [
            ...options,
            { text: 'low', score: 0.59, freq: 9 },
            { text: 'WXYZ', score: 0.9, freq: 1 },
          ],
        ],
      ]),
    );
    expect(candidates.map((c) => c.text)).toEqual(['wxyz', 'aaaa', 'bbbb', 'cccc']);
  });

  it('replaces each misspelled word inside the query and multiplies their scores', () => {
    const candidates = planCandidates(
      'postgress "replicaton" setup',
      new Map([
        ['postgress', [{ text: 'postgres', score: 0.875, freq: 3 }]],
        ['replicaton', [{ text: 'replication', score: 0.9, freq: 2 }]],
      ]),
    );
    expect(candidates.map((c) => [c.text, c.score])).toEqual([
      ['postgress "replicaton" setup', 1.1],
      ['postgres "replication" setup', 0.7875],
    ]);
    expect(candidates[1]?.words).toEqual(['postgres', 'replication', 'setup']);
  });

  it('asks only about words long enough to correct and not stop words or numbers', () => {
    expect(
      correctableWords(['the', 'with', 'rust', '2024', 'tokio', 'tokio', 'ab', 'ajb']),
    ).toEqual(['rust', 'tokio', 'ajb']);
  });

  it('completes a last word of 5 letters first, one of 4 after its corrections', () => {
    const cros = new Map([['cros', [{ text: 'cors', score: 0.75, freq: 2 }]]]);
    expect(planCandidates('cros', cros, 'cros').map((c) => [c.text, c.source, c.score])).toEqual([
      ['cros', 'typed', 1.1],
      ['cors', 'suggester', 0.75],
      ['cros', 'prefix', 0.6],
    ]);
    expect(planCandidates('cros', new Map(), 'cros').map((c) => [c.source, c.score])).toEqual([
      ['typed', 1.1],
      ['prefix', 1],
    ]);
    const levensh = new Map([['levensh', [{ text: 'levels', score: 0.67, freq: 2 }]]]);
    expect(planCandidates('levensh', levensh, 'levensh').map((c) => c.source)).toEqual([
      'typed',
      'prefix',
      'suggester',
    ]);
  });
});

describe('compareCorrections', () => {
  const order = (typed: string, options: TermSuggestion[]): string[] =>
    [...options].sort(compareCorrections(typed)).map((option) => option.text);

  it('ranks the closest first, then context, titles, typing slips and popularity', () => {
    const cross = { text: 'cross', score: 0.75, freq: 9 };
    const pros = { text: 'pros', score: 0.75, freq: 5 };
    const cors = { text: 'cors', score: 0.75, freq: 2 };
    // Only popularity and the slip tell them apart: a transposition beats an insertion.
    expect(order('cros', [cross, pros, cors])).toEqual(['cors', 'cross', 'pros']);
    // A title beats the cheaper slip.
    expect(order('cros', [cors, { ...cross, inTitle: true }, pros])[0]).toBe('cross');
    // The query's other words beat a title.
    expect(
      order('cros', [{ ...cors, inTitle: true }, { ...pros, withContext: true }, cross])[0],
    ).toBe('pros');
    // Closer always wins.
    expect(
      order('cros', [
        { ...cors, inTitle: true },
        { ...cross, score: 0.8 },
      ])[0],
    ).toBe('cross');
  });

  it('takes a neighbouring key as a cheaper slip than a distant one', () => {
    // deleyed: y -> t is a neighbouring key, e -> a is not.
    const deleted = { text: 'deleted', score: 0.857, freq: 1 };
    const delayed = { text: 'delayed', score: 0.857, freq: 1 };
    expect(order('deleyed', [delayed, deleted])).toEqual(['deleted', 'delayed']);
    expect(
      order('ajb', [
        { text: 'ajx', score: 0.67, freq: 9 },
        { text: 'ajv', score: 0.67, freq: 1 },
      ]),
    ).toEqual(['ajv', 'ajx']);
  });
});

describe('mayCorrect', () => {
  it('corrects rare words, and 3-letter words only when no document holds them', () => {
    expect(mayCorrect('tokoi', 0)).toBe(true);
    expect(mayCorrect('tokoi', 2)).toBe(true);
    expect(mayCorrect('tokoi', 3)).toBe(false);
    expect(mayCorrect('ajb', 0)).toBe(true);
    expect(mayCorrect('cms', 1)).toBe(false);
  });
});

describe('closestSuggestions', () => {
  const suggestions = new Map([
    ['kubernets', [{ text: 'kubernetes', score: 0.9, freq: 3 }]],
    [
      'zebra',
      [
        { text: 'zebras', score: 0.55, freq: 1 },
        { text: 'debra', score: 0.4, freq: 1 },
      ],
    ],
  ]);

  it('offers weaker corrections that were not already searched, as whole queries', () => {
    const searched = planCandidates('kubernets zebra', suggestions);
    expect(searched.map((c) => c.text)).toEqual(['kubernets zebra', 'kubernetes zebra']);
    expect(closestSuggestions('kubernets zebra', suggestions, searched)).toEqual([
      'kubernetes zebras',
    ]);
  });

  it('nothing to offer without alternatives', () => {
    expect(closestSuggestions('qqq', new Map(), planCandidates('qqq', new Map()))).toEqual([]);
  });
});
