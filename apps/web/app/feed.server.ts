import { type AppLoadContext, type LoaderFunctionArgs } from '@remix-run/node';
import { apiFor } from './api-client.server.js';
import { readPostListing } from './category-listing.server.js';
import { publicResponse } from './lib/api-reads.server.js';
import {
  categoryListingPath,
  FEED_FORMATS,
  type FeedFormat,
  feedPath,
  parseCategoryParam,
} from './lib/category-param.js';
import { buildAtomFeed, buildJsonFeed, buildRssFeed, type Feed } from './lib/feed.js';
import { absoluteUrl } from './lib/site.js';

const FEED_SIZE = 20;

const BUILDERS: Record<FeedFormat, (feed: Feed) => string> = {
  xml: buildRssFeed,
  atom: buildAtomFeed,
  json: buildJsonFeed,
};

/** The feed in `format` for the whole site or for posts in any of `slugs`. */
async function feedResponse(
  request: Request,
  context: AppLoadContext,
  slugs: readonly string[],
  format: FeedFormat,
) {
  const api = apiFor(context);
  const [listing, site] = await Promise.all([
    readPostListing(api, { category: slugs.join(','), pageSize: FEED_SIZE }, (current) =>
      feedPath(current, format),
    ),
    api.get('/api/settings'),
  ]);
  const names = listing.categories.map((category) => category.name).join(', ');
  const body = BUILDERS[format]({
    author: site.ownerName || site.title,
    title: names ? `${site.title}: ${names}` : site.title,
    description: names ? `Posts about ${names} on ${site.title}.` : site.description || site.title,
    link: absoluteUrl(context.siteUrl, categoryListingPath(slugs)),
    selfUrl: absoluteUrl(context.siteUrl, feedPath(slugs, format)),
    items: listing.items.map((post) => ({
      title: post.title,
      link: absoluteUrl(context.siteUrl, `/posts/${post.slug}`),
      summary: post.summary,
      publishedAt: post.publishedAt,
      categories: post.categories.map((category) => category.name),
    })),
  });
  return publicResponse(
    request,
    context,
    body,
    `${FEED_FORMATS[format].contentType}; charset=utf-8`,
  );
}

/** The site's feed in `format`; `?category=a,b` narrows it like the listing does. */
export const siteFeedLoader =
  (format: FeedFormat) =>
  ({ request, context }: LoaderFunctionArgs) =>
    feedResponse(
      request,
      context,
      parseCategoryParam(new URL(request.url).searchParams.get('category')),
      format,
    );

/** `/category/<slug>/feed.<format>` (also `/category/rust,python/feed.<format>`). */
export const categoryFeedLoader =
  (format: FeedFormat) =>
  ({ params, request, context }: LoaderFunctionArgs) => {
    const slugs = parseCategoryParam(params.slug);
    if (slugs.length === 0) throw new Response('Not Found', { status: 404 });
    return feedResponse(request, context, slugs, format);
  };
