import { describe, expect, it } from 'vitest';
import { closestSuggestions, correctableWords, planCandidates } from './candidates.js';

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
    expect(correctableWords(['the', 'with', 'rust', '2024', 'tokio', 'tokio', 'ab'])).toEqual([
      'rust',
      'tokio',
    ]);
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
