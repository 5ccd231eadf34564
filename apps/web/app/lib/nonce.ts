import { createContext, useContext } from 'react';

/*
 * The response's Content-Security-Policy nonce (server/security-headers.ts), provided by
 * entry.server.tsx for the inline scripts Remix renders (`<Scripts>`, `<ScrollRestoration>`).
 * In the browser it is empty: browsers hide a nonce from the page once it is parsed.
 */
const NonceContext = createContext('');

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
