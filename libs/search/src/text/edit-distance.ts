import { adjacentKeys } from './keyboard.js';

/**
 * Optimal string alignment distance: Levenshtein plus adjacent transpositions, with the cost of
 * a replacement and of a transposition given; inserting or deleting a letter costs 1.
 */
function alignmentCost(
  a: string,
  b: string,
  replaceCost: (from: string, to: string) => number,
  transposeCost: number,
): number {
  const s = [...a];
  const t = [...b];
  // Three rolling rows: the transposition step looks two rows back.
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : replaceCost(s[i - 1]!, t[j - 1]!);
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, beforePrevious[j - 2]! + transposeCost);
      }
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[t.length]!;
}

/**
 * Optimal string alignment distance: Levenshtein plus adjacent transpositions, so `teh` -> `the`
 * costs one edit, as in Lucene's spell checker.
 */
export function editDistance(a: string, b: string): number {
  return alignmentCost(a, b, () => 1, 1);
}

/** What a slip of the fingers costs, against 1 for any other edit. */
const SLIP_COST = 0.5;

/**
 * Edit distance weighted by how people mistype: swapping two adjacent letters (`cros` for
 * `cors`) or hitting a neighbouring key (`ajb` for `ajv`) costs half an edit; inserting,
 * deleting or replacing by a distant key costs one. It orders corrections that are equally
 * many edits away; it never decides how far a correction may be.
 */
export function typingCost(typed: string, meant: string): number {
  return alignmentCost(
    typed,
    meant,
    (from, to) => (adjacentKeys(from, to) ? SLIP_COST : 1),
    SLIP_COST,
  );
}

/**
 * How plausible `suggestion` is as a correction of `typed`, in [0, 1]: the score Elasticsearch's
 * term suggester gives with its default `internal` distance, 1 - edits / length of the shorter
 * word. One typo in a 7-letter word scores 0.86; two typos in an 11-letter word 0.78.
 */
export function spellingScore(typed: string, suggestion: string): number {
  const shorter = Math.min([...typed].length, [...suggestion].length);
  if (shorter === 0) return 0;
  return Math.max(0, 1 - editDistance(typed, suggestion) / shorter);
}
