import { z } from 'zod';

const wholeNumber = (max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(1, `must be at least 1`).max(max, `must be at most ${max}`));

/** `page` and `pageSize` query fields shared by the admin lists. */
export function paginationFields(defaultPageSize: number, maxPageSize = 100) {
  return {
    page: wholeNumber(100_000).optional().default(1),
    pageSize: wholeNumber(maxPageSize).optional().default(defaultPageSize),
  };
}

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
