import { describe, expect, it } from 'vitest';
import { zipfPicker } from './zipf.js';

const ranks = Array.from({ length: 1000 }, (_, index) => index + 1);

function counts(picks: number): Map<number, number> {
  const pick = zipfPicker(ranks, 1, 42);
  const seen = new Map<number, number>();
  for (let i = 0; i < picks; i++) {
    const rank = pick();
    seen.set(rank, (seen.get(rank) ?? 0) + 1);
  }
  return seen;
}

describe('zipfPicker', () => {
  it('gives rank k a share of 1/(k H_n): the top post most, and the long tail too', () => {
    const picks = 100_000;
    const seen = counts(picks);
    const harmonic = ranks.reduce((sum, rank) => sum + 1 / rank, 0);
    for (const rank of [1, 2, 10]) {
      expect((seen.get(rank) ?? 0) / picks).toBeCloseTo(1 / (rank * harmonic), 2);
    }
    // Every post but a few of the rarest (expected ~13 picks each at rank 1000) is asked for.
    expect(seen.size).toBeGreaterThan(990);
  });

  it('asks for the same sequence on every run', () => {
    const first = zipfPicker(ranks, 1, 7);
    const second = zipfPicker(ranks, 1, 7);
    const sequence = (pick: () => number) => Array.from({ length: 50 }, pick);
    expect(sequence(first)).toEqual(sequence(second));
  });
});
