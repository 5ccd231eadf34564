import { describe, expect, it } from 'vitest';
import { categoryListingPath, feedPath, parseCategoryParam } from './category-param.js';

describe('parseCategoryParam', () => {
  it('reads nothing from a missing or empty parameter', () => {
    expect(parseCategoryParam(null)).toEqual([]);
    expect(parseCategoryParam(undefined)).toEqual([]);
    expect(parseCategoryParam('')).toEqual([]);
  });

  it('splits, trims, lowercases and de-duplicates', () => {
    expect(parseCategoryParam(' Rust, python ,rust')).toEqual(['rust', 'python']);
  });

  it('drops parts that cannot be slugs', () => {
    expect(parseCategoryParam('django,,<script>,a b,-x,web-dev')).toEqual(['django', 'web-dev']);
  });
});

describe('categoryListingPath', () => {
  it('is the home page without categories', () => {
    expect(categoryListingPath([])).toBe('/');
    expect(categoryListingPath([], 3)).toBe('/?page=3');
  });

  it('keeps commas readable and omits page 1', () => {
    expect(categoryListingPath(['rust', 'python'])).toBe('/?category=rust,python');
    expect(categoryListingPath(['django'], 1)).toBe('/?category=django');
    expect(categoryListingPath(['django'], 2)).toBe('/?category=django&page=2');
  });
});

describe('feedPath', () => {
  it('is the site feed without categories and a category feed otherwise', () => {
    expect(feedPath([])).toBe('/feed.xml');
    expect(feedPath(['rust', 'python'])).toBe('/category/rust,python/feed.xml');
  });

  it('names the Atom and JSON Feed alongside', () => {
    expect(feedPath([], 'atom')).toBe('/feed.atom');
    expect(feedPath(['rust'], 'json')).toBe('/category/rust/feed.json');
  });
});
