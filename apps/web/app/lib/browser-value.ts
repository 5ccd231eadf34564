import { useSyncExternalStore } from 'react';

const neverChanges = (): (() => void) => () => undefined;

/**
 * A value only the browser knows (its time zone, that it has hydrated): `serverValue` in the
 * server's render and during hydration, so both agree, then `browserValue()` on the next
 * render. The value must be a primitive, compared by identity on every render.
 */
export function useBrowserValue<T extends string | number | boolean>(
  browserValue: () => T,
  serverValue: T,
): T {
  return useSyncExternalStore(neverChanges, browserValue, () => serverValue);
}
