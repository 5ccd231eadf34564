import { describe, expect, it } from 'vitest';
import { paginate, parsePageParam } from './pagination.js';

const href = (page: number) => `/?page=${page}`;
const numbers = (current: number, total: number) =>
  paginate(current, total, href).pages.map((link) => (link ? link.page : '…'));

describe('paginate', () => {
  it('shows nothing for a single page', () => {
    expect(paginate(1, 1, href)).toEqual({ previous: null, next: null, pages: [] });
    expect(paginate(1, 0, href).pages).toEqual([]);
  });

  it('links previous and next only where they exist', () => {
    expect(paginate(1, 3, href)).toMatchObject({ previous: null, next: '/?page=2' });
    expect(paginate(2, 3, href)).toMatchObject({ previous: '/?page=1', next: '/?page=3' });
    expect(paginate(3, 3, href)).toMatchObject({ previous: '/?page=2', next: null });
  });

  it('marks the current page', () => {
    const current = paginate(2, 3, href).pages.filter((link) => link?.current);
    expect(current).toEqual([{ page: 2, href: '/?page=2', current: true }]);
  });

  it('keeps first, last and a window around the current page, with gaps', () => {
    expect(numbers(1, 4)).toEqual([1, 2, 3, 4]);
    expect(numbers(10, 20)).toEqual([1, '…', 8, 9, 10, 11, 12, '…', 20]);
    expect(numbers(1, 20)).toEqual([1, 2, 3, '…', 20]);
  });

  it('points "previous" at the last page when the page is past the end', () => {
    expect(paginate(9, 3, href)).toMatchObject({ previous: '/?page=3', next: null });
  });
});

describe('parsePageParam', () => {
  it('reads positive integers and defaults to 1', () => {
    expect(parsePageParam('3')).toBe(3);
    expect(parsePageParam(null)).toBe(1);
    expect(parsePageParam('0')).toBe(1);
    expect(parsePageParam('-2')).toBe(1);
    expect(parsePageParam('2abc')).toBe(1);
    expect(parsePageParam('99999999999')).toBe(1);
  });
});
