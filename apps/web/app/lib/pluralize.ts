/** "1 comment", "3 comments", "0 comments": the count followed by the right form of the noun. */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
