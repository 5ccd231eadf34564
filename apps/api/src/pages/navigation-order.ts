/**
 * Pages in the order the settings name their ids; pages not named follow in the order given
 * (by title), and ids of pages that are gone or unpublished are skipped.
 */
export function navigationOrder<T extends { id: number }>(
  pages: readonly T[],
  order: readonly number[],
): T[] {
  const rank = new Map(order.map((id, index) => [id, index]));
  const ranked = pages.filter((page) => rank.has(page.id));
  ranked.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  return [...ranked, ...pages.filter((page) => !rank.has(page.id))];
}
