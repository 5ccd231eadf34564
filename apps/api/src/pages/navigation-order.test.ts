import { describe, expect, it } from 'vitest';
import { navigationOrder } from './navigation-order.js';

const pages = [
  { id: 3, title: 'About' },
  { id: 1, title: 'Now' },
  { id: 2, title: 'Uses' },
];

describe('navigationOrder', () => {
  it('puts the pages the settings name first, in their order, then the rest as given', () => {
    expect(navigationOrder(pages, [2, 1]).map((page) => page.title)).toEqual([
      'Uses',
      'Now',
      'About',
    ]);
  });

  it('skips ids of pages that are not listed (deleted or unpublished)', () => {
    expect(navigationOrder(pages, [9, 1]).map((page) => page.id)).toEqual([1, 3, 2]);
  });
});
