import { type LoaderFunctionArgs } from '@remix-run/node';
import { type PostSummaryView } from '@inkwell/contract';
import { apiFor } from '../api-client.server.js';
import { publicResponse } from '../lib/api-reads.server.js';
import { categoryListingPath } from '../lib/category-param.js';
import { absoluteUrl } from '../lib/site.js';
import { authorPages, buildSitemap } from '../lib/sitemap.js';

const PAGE_SIZE = 50;
/** A bound on API calls per sitemap request (10,000 posts); a bigger blog needs sitemap indexes. */
const MAX_PAGES = 200;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [first, categories, pages] = await Promise.all([
    apiFor(context).get('/api/posts', { query: { pageSize: PAGE_SIZE } }),
    apiFor(context).get('/api/categories'),
    apiFor(context).get('/api/pages'),
  ]);
  const rest = await Promise.all(
    Array.from({ length: Math.min(first.pages, MAX_PAGES) - 1 }, (_, index) =>
      apiFor(context).get('/api/posts', { query: { pageSize: PAGE_SIZE, page: index + 2 } }),
    ),
  );
  const posts: PostSummaryView[] = [first, ...rest].flatMap((page) => page.items);
  const xml = buildSitemap([
    { url: absoluteUrl(context.siteUrl, '/'), lastModified: posts[0]?.publishedAt },
    ...categories.items
      .filter((category) => category.postCount > 0)
      .map((category) => ({
        url: absoluteUrl(context.siteUrl, categoryListingPath([category.slug])),
      })),
    ...pages.items.map((page) => ({ url: absoluteUrl(context.siteUrl, `/${page.slug}`) })),
    ...authorPages(posts).map((entry) => ({
      ...entry,
      url: absoluteUrl(context.siteUrl, entry.url),
    })),
    ...posts.map((post) => ({
      url: absoluteUrl(context.siteUrl, `/posts/${post.slug}`),
      lastModified: post.publishedAt,
    })),
  ]);
  return publicResponse(request, context, xml, 'application/xml; charset=utf-8');
}
