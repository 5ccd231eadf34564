import { describe, expect, it } from 'vitest';
import { pluralize } from './pluralize.js';

describe('pluralize', () => {
  it('uses the singular for exactly one', () => {
    expect(pluralize(1, 'comment')).toBe('1 comment');
  });

  it('uses the plural for zero and many', () => {
    expect(pluralize(0, 'comment')).toBe('0 comments');
    expect(pluralize(12, 'comment')).toBe('12 comments');
  });

  it('uses the plural for a count that is not a whole one', () => {
    expect(pluralize(1.5, 'star')).toBe('1.5 stars');
    expect(pluralize(-1, 'point')).toBe('-1 point');
  });

  it('accepts an irregular plural', () => {
    expect(pluralize(2, 'reply', 'replies')).toBe('2 replies');
    expect(pluralize(1, 'reply', 'replies')).toBe('1 reply');
  });
});
