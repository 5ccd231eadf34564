/** Words an adult reads in a minute, a common figure for screen reading of technical prose. */
export const WORDS_PER_MINUTE = 230;

/** Minutes a post takes to read, at least 1 (a post with no words is still something to open). */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.ceil(wordCount / WORDS_PER_MINUTE));
}
