import { expect, it } from 'vitest';
import { formatDate } from './dates.js';

it('formats ISO timestamps as a long UTC date', () => {
  expect(formatDate('2026-03-01T09:00:00.000Z')).toBe('1 March 2026');
  // Late on the 31st in UTC stays the 31st whatever the server's zone.
  expect(formatDate('2025-12-31T23:30:00.000Z')).toBe('31 December 2025');
});
