import { MAX_REDIRECT_PATH_LENGTH } from '@inkwell/contract';
import { redirect } from '@remix-run/node';
import { apiFor, rethrowApiRefusal } from '../api-client.server.js';
import { PUBLIC_PAGE_CACHE } from './cache-control.js';

type ApiContext = Parameters<typeof apiFor>[0];

/** WordPress's own addresses of a post or page on the home page (`/?p=12`, `/?page_id=3`). */
const WORDPRESS_IDS = ['p', 'page_id'];

/** `/?p=12` for a home page request that is an old WordPress address, else null. */
export function wordPressAddress(url: URL): string | null {
  const name = WORDPRESS_IDS.find((key) => /^\d+$/.test(url.searchParams.get(key) ?? ''));
  return name ? `/?${name}=${url.searchParams.get(name)}` : null;
}

/**
 * The 301 to an imported post's current page for an address it had on its former blog (the API
 * keeps them), or the 404 page for any other.
 */
export async function redirectFromOldAddress(context: ApiContext, path: string): Promise<never> {
  if (path.length > MAX_REDIRECT_PATH_LENGTH) throw new Response('Not Found', { status: 404 });
  const answer = await apiFor(context)
    .answer('/api/redirects', { query: { path } }, [301])
    .catch(rethrowApiRefusal);
  throw redirect(`/posts/${encodeURIComponent(answer.body.slug)}`, {
    status: 301,
    headers: { 'Cache-Control': PUBLIC_PAGE_CACHE },
  });
}
