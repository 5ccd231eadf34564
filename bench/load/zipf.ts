import { seededRandom } from '../../libs/search/test/fixtures/synthetic-blog.js';

/**
 * Picks items by Zipf's law: the item of rank k (1 = first) with probability proportional to
 * 1 / k^s, as page views spread over a blog's posts (s ~ 1: the top post gets about as many
 * views as ranks 2-4 together). Seeded, so every run asks for the same sequence.
 */
export function zipfPicker<T>(items: readonly T[], s: number, seed: number): () => T {
  if (items.length === 0) throw new Error('nothing to pick from');
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= items.length; rank++) {
    total += 1 / rank ** s;
    cumulative.push(total);
  }
  const random = seededRandom(seed);
  return () => {
    const target = random() * total;
    // The first rank whose cumulative weight reaches the target.
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return items[low]!;
  };
}
