/** The CounterStore shared by login throttling and comment rate limits. */
export const RATE_LIMIT_STORE = Symbol('RATE_LIMIT_STORE');
