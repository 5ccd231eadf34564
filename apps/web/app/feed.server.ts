import { type AppLoadContext } from '@remix-run/node';
import { apiFor } from './api-client.server.js';
import { readPostListing } from './category-listing.server.js';
import { publicResponse } from './lib/api-reads.server.js';
import { categoryListingPath, feedPath } from './lib/category-param.js';
import { buildRssFeed } from './lib/feed.js';
import { absoluteUrl } from './lib/site.js';

const FEED_SIZE = 20;

/** The RSS response for the whole site or for posts in any of `slugs`. */
export async function rssResponse(
  request: Request,
  context: AppLoadContext,
  slugs: readonly string[],
) {
  const api = apiFor(context);
  const [listing, site] = await Promise.all([
    readPostListing(api, { category: slugs.join(','), pageSize: FEED_SIZE }, feedPath),
    api.get('/api/settings'),
  ]);
  const names = listing.categories.map((category) => category.name).join(', ');
  const xml = buildRssFeed({
    title: names ? `${site.title}: ${names}` : site.title,
    description: names ? `Posts about ${names} on ${site.title}.` : site.description || site.title,
    link: absoluteUrl(context.siteUrl, categoryListingPath(slugs)),
    selfUrl: absoluteUrl(context.siteUrl, feedPath(slugs)),
    items: listing.items.map((post) => ({
      title: post.title,
      link: absoluteUrl(context.siteUrl, `/posts/${post.slug}`),
      summary: post.summary,
      publishedAt: post.publishedAt,
      categories: post.categories.map((category) => category.name),
    })),
  });
  return publicResponse(request, context, xml, 'application/rss+xml; charset=utf-8');
}
