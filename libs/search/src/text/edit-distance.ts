/**
 * Optimal string alignment distance: Levenshtein plus adjacent transpositions, so `teh` -> `the`
 * costs one edit, as in Lucene's spell checker.
 */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  // Three rolling rows: the transposition step looks two rows back.
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, beforePrevious[j - 2]! + 1);
      }
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[t.length]!;
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
