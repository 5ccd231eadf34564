import { redirect } from '@remix-run/node';
import { type ApiClient, rethrowApiRefusal } from './api-client.server.js';
import { PUBLIC_PAGE_CACHE } from './lib/cache-control.js';
import { parseCategoryParam } from './lib/category-param.js';

/**
 * Published posts for a listing or a feed. When one of its categories was renamed or merged
 * since, readers (and search engines) are sent for good to `pathFor` the current slugs.
 */
export async function readPostListing(
  api: ApiClient,
  query: {
    category: string;
    author?: string;
    content?: 'html';
    page?: number;
    pageSize?: number;
  },
  pathFor: (slugs: string[]) => string,
) {
  const answer = await api.answer('/api/posts', { query }, [301]).catch(rethrowApiRefusal);
  if (answer.status === 301) {
    throw redirect(pathFor(parseCategoryParam(answer.body.slug)), {
      status: 301,
      headers: { 'Cache-Control': PUBLIC_PAGE_CACHE },
    });
  }
  return answer.body;
}
