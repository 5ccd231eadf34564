export interface PageLink {
  page: number;
  href: string;
  current: boolean;
}

export interface Pagination {
  previous: string | null;
  next: string | null;
  /** Numbered links around the current page; `null` marks a gap ("…"). */
  pages: (PageLink | null)[];
}

/**
 * Links for a paged listing: previous/next plus the first, last and `radius` pages around the
 * current one, with gaps where pages are skipped. `hrefFor` builds the URL of a page number.
 */
export function paginate(
  current: number,
  total: number,
  hrefFor: (page: number) => string,
  radius = 2,
): Pagination {
  if (total <= 1) return { previous: null, next: null, pages: [] };
  const shown = new Set([1, total]);
  for (let page = current - radius; page <= current + radius; page++) {
    if (page >= 1 && page <= total) shown.add(page);
  }
  const pages: (PageLink | null)[] = [];
  let last = 0;
  for (const page of [...shown].sort((a, b) => a - b)) {
    if (page - last > 1) pages.push(null);
    pages.push({ page, href: hrefFor(page), current: page === current });
    last = page;
  }
  return {
    previous: current > 1 ? hrefFor(Math.min(current - 1, total)) : null,
    next: current < total ? hrefFor(current + 1) : null,
    pages,
  };
}

/** `?page=` as a positive integer; anything else means page 1. */
export function parsePageParam(value: string | null): number {
  if (!value || !/^\d{1,6}$/.test(value)) return 1;
  return Math.max(1, Number(value));
}
