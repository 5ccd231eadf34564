import { type LoaderFunctionArgs } from '@remix-run/node';
import { rssResponse } from '../feed.server.js';
import { parseCategoryParam } from '../lib/category-param.js';

/** Site feed; `?category=a,b` narrows it like the listing does. */
export function loader({ request, context }: LoaderFunctionArgs) {
  const slugs = parseCategoryParam(new URL(request.url).searchParams.get('category'));
  return rssResponse(request, context, slugs);
}
