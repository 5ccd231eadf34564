import { type LoaderFunctionArgs } from '@remix-run/node';
import { rssResponse } from '../feed.server.js';
import { parseCategoryParam } from '../lib/category-param.js';

/** `/category/<slug>/feed.xml` (also `/category/rust,python/feed.xml`). */
export function loader({ params, request, context }: LoaderFunctionArgs) {
  const slugs = parseCategoryParam(params.slug);
  if (slugs.length === 0) throw new Response('Not Found', { status: 404 });
  return rssResponse(request, context, slugs);
}
