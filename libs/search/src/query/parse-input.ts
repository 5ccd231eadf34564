import { type SearchInput } from '../engine.js';
import { SearchValidationError } from '../errors.js';
import { tokenizeWords } from '../text/tokenize.js';

export const MAX_QUERY_LENGTH = 200;
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 50;

export interface ParsedQuery {
  /** The text to search, `category:` tokens removed, whitespace collapsed. */
  text: string;
  /** Lower-cased words of `text`, in order. */
  words: string[];
  category: string | null;
  page: number;
  pageSize: number;
  debug: boolean;
}

const CATEGORY_TOKEN = /(?:^|\s)category:([a-z0-9][a-z0-9-]*)(?=\s|$)/giu;
const CATEGORY_SLUG = /^[a-z0-9][a-z0-9-]*$/u;

function positiveInteger(
  value: number | undefined,
  fallback: number,
  field: 'page' | 'pageSize',
  max: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new SearchValidationError(field, `${field} must be an integer between 1 and ${max}`);
  }
  return value;
}

/**
 * Validates a reader's query and pulls `category:<slug>` out of it. Everything else is kept as
 * text: quotes, operators and symbols are never interpreted, so no input can break a query.
 */
export function parseSearchInput(input: SearchInput): ParsedQuery {
  const raw = typeof input.q === 'string' ? input.q : '';
  if (raw.trim() === '') throw new SearchValidationError('q', 'q must not be empty');
  if (raw.length > MAX_QUERY_LENGTH) {
    throw new SearchValidationError('q', `q must be at most ${MAX_QUERY_LENGTH} characters`);
  }

  let category: string | null = null;
  const text = raw
    // Control characters (NUL above all) are not text PostgreSQL can store or search.
    .replace(/\p{Cc}/gu, ' ')
    .replace(CATEGORY_TOKEN, (_match, slug: string) => {
      category ??= slug.toLowerCase();
      return ' ';
    })
    .replace(/\s+/gu, ' ')
    .trim();

  if (input.category !== undefined && input.category !== '') {
    if (!CATEGORY_SLUG.test(input.category))
      throw new SearchValidationError('category', 'category must be a slug');
    category = input.category;
  }
  if (text === '') throw new SearchValidationError('q', 'q must contain words to search');

  return {
    text,
    words: tokenizeWords(text),
    category,
    page: positiveInteger(input.page, 1, 'page', 1000),
    pageSize: positiveInteger(input.pageSize, DEFAULT_PAGE_SIZE, 'pageSize', MAX_PAGE_SIZE),
    debug: input.debug === true,
  };
}
