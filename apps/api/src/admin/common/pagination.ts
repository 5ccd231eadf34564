export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  pages: number;
}

export function pageOf<T>(
  items: T[],
  total: number,
  query: { page: number; pageSize: number },
): Page<T> {
  return {
    items,
    page: query.page,
    pageSize: query.pageSize,
    total,
    pages: Math.ceil(total / query.pageSize),
  };
}

export function pageWindow(query: { page: number; pageSize: number }): {
  skip: number;
  take: number;
} {
  return { skip: (query.page - 1) * query.pageSize, take: query.pageSize };
}
