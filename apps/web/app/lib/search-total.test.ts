import { describe, expect, test } from 'vitest';
import { resultCount } from './search-total.js';

describe('resultCount', () => {
  test('an exact count is the number of results', () => {
    expect(resultCount({ value: 1, relation: 'eq' })).toBe('1 result');
    expect(resultCount({ value: 37, relation: 'eq' })).toBe('37 results');
  });

  test('a count search stopped at says "or more"', () => {
    expect(resultCount({ value: 1000, relation: 'gte' })).toBe('1,000+ results');
  });
});
