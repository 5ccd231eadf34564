import { type AppLoadContext } from '@remix-run/node';
import { createContext, useContext } from 'react';

/*
 * What a page renders into its HTML but leaves out of the loader data the document carries for
 * hydration: a post's body and comment thread would otherwise travel twice, once as markup and
 * once inside the inline data. The server keeps such values for its own render of a document
 * (`context.markupOnly`, set by the server for document requests only); the browser hydrates
 * them as `KeptMarkup`, and data requests (client navigations, revalidations), which have no
 * markup to keep, carry them as ordinary data.
 */

const MarkupOnlyContext = createContext<AppLoadContext['markupOnly']>(undefined);

/** Provided by entry.server.tsx around a document render; absent in the browser. */
export const MarkupOnlyProvider = MarkupOnlyContext.Provider;

/**
 * In a loader: `value` for a data request; `undefined` for a document, whose render then reads
 * `value` through `useMarkupOnly(key, ...)`.
 */
export function markupOnly<T>(context: AppLoadContext, key: string, value: T): T | undefined {
  if (!context.markupOnly) return value;
  context.markupOnly.set(key, value);
  return undefined;
}

/**
 * In a component: the value the loader returned, or, in a document render on the server, the
 * one it kept out of the data; `undefined` while the browser hydrates a document, where the
 * markup is already on the page (render `KeptMarkup` there).
 */
export function useMarkupOnly<T>(key: string, fromData: T | undefined): T | undefined {
  const kept = useContext(MarkupOnlyContext);
  return fromData ?? (kept?.get(key) as T | undefined);
}
