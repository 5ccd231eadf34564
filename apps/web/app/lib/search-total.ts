import { type SearchTotal } from '@inkwell/contract';
import { pluralize } from './pluralize.js';

const englishNumber = new Intl.NumberFormat('en');

/**
 * "3 results", or "1,000+ results" when search stopped counting: the API counts matches up to
 * a cap and says the real number is at least that (`gte`).
 */
export function resultCount(total: SearchTotal): string {
  if (total.relation === 'gte') return `${englishNumber.format(total.value)}+ results`;
  return pluralize(total.value, 'result');
}
