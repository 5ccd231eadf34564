import { type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { categoryListingPath, parseCategoryParam } from '../lib/category-param.js';

/** Old-style `/category/<slug>` links move permanently to the canonical `/?category=<slug>`. */
export function loader({ params }: LoaderFunctionArgs) {
  const slugs = parseCategoryParam(params.slug);
  if (slugs.length === 0) throw new Response('Not Found', { status: 404 });
  return redirect(categoryListingPath(slugs), 301);
}
