import { sharedPicture } from '@inkwell/assets/picture';
import { type AppLoadContext, type LoaderFunctionArgs } from '@remix-run/node';
import { type PostCoverView, type PostListView, type SiteSettingsView } from '@inkwell/contract';
import { apiFor } from './api-client.server.js';
import { readPostListing } from './category-listing.server.js';
import { THUMBNAIL_URL_PATTERN } from './components/cover-picture.js';
import { publicResponse } from './lib/api-reads.server.js';
import { authorFeedPath, authorPath } from './lib/author-paths.js';
import {
  categoryListingPath,
  FEED_FORMATS,
  type FeedFormat,
  feedPath,
  parseCategoryParam,
} from './lib/category-param.js';
import {
  buildAtomFeed,
  buildJsonFeed,
  buildRssFeed,
  type Feed,
  type FeedImage,
  withAbsoluteUrls,
} from './lib/feed.js';
import { absoluteUrl } from './lib/site.js';

const FEED_SIZE = 20;

const BUILDERS: Record<FeedFormat, (feed: Feed) => string> = {
  xml: buildRssFeed,
  atom: buildAtomFeed,
  json: buildJsonFeed,
};

/** Which posts a feed carries, and how it names itself. */
interface FeedSource {
  query: { category?: string; author?: string };
  /** Where the feed moved when one of its categories was renamed or merged. */
  movedTo: (slugs: string[]) => string;
  describe: (
    listing: PostListView,
    site: SiteSettingsView,
  ) => Pick<Feed, 'title' | 'description'> & { page: string; self: string };
}

/**
 * A feed in `format`: summaries, or each post's rendered HTML when the site's settings ask for
 * full-content feeds (the settings are read first: they decide what the listing is asked for).
 */
async function feedResponse(
  request: Request,
  context: AppLoadContext,
  source: FeedSource,
  format: FeedFormat,
) {
  const api = apiFor(context);
  const site = await api.get('/api/settings');
  const listing = await readPostListing(
    api,
    {
      category: source.query.category ?? '',
      ...(source.query.author ? { author: source.query.author } : {}),
      ...(site.fullContentFeeds ? { content: 'html' } : {}),
      pageSize: FEED_SIZE,
    },
    source.movedTo,
  );
  const described = source.describe(listing, site);
  const body = BUILDERS[format]({
    author: listing.author?.name ?? (site.ownerName || site.title),
    title: described.title,
    description: described.description,
    link: absoluteUrl(context.siteUrl, described.page),
    selfUrl: absoluteUrl(context.siteUrl, described.self),
    items: listing.items.map((post) => ({
      title: post.title,
      link: absoluteUrl(context.siteUrl, `/posts/${post.slug}`),
      summary: post.summary,
      publishedAt: post.publishedAt,
      categories: post.categories.map((category) => category.name),
      html: post.html === undefined ? undefined : withAbsoluteUrls(post.html, context.siteUrl),
      image: post.cover ? coverImage(post.cover, context.siteUrl) : undefined,
    })),
  });
  return publicResponse(
    request,
    context,
    body,
    `${FEED_FORMATS[format].contentType}; charset=utf-8`,
  );
}

/** A post's cover in a feed: the JPEG a shared link shows too, at its absolute URL. */
function coverImage(cover: PostCoverView, siteUrl: string): FeedImage {
  const { url, type } = sharedPicture(cover, THUMBNAIL_URL_PATTERN);
  return { url: absoluteUrl(siteUrl, url), type };
}

/** The whole site's feed or the feed of posts in any of `slugs`. */
function categoryFeed(slugs: readonly string[], format: FeedFormat): FeedSource {
  return {
    query: { category: slugs.join(',') },
    movedTo: (current) => feedPath(current, format),
    describe: (listing, site) => {
      const names = listing.categories.map((category) => category.name).join(', ');
      return {
        title: names ? `${site.title}: ${names}` : site.title,
        description: names
          ? `Posts about ${names} on ${site.title}.`
          : site.description || site.title,
        page: categoryListingPath(slugs),
        self: feedPath(slugs, format),
      };
    },
  };
}

/** The site's feed in `format`; `?category=a,b` narrows it like the listing does. */
export const siteFeedLoader =
  (format: FeedFormat) =>
  ({ request, context }: LoaderFunctionArgs) =>
    feedResponse(
      request,
      context,
      categoryFeed(parseCategoryParam(new URL(request.url).searchParams.get('category')), format),
      format,
    );

/** `/category/<slug>/feed.<format>` (also `/category/rust,python/feed.<format>`). */
export const categoryFeedLoader =
  (format: FeedFormat) =>
  ({ params, request, context }: LoaderFunctionArgs) => {
    const slugs = parseCategoryParam(params.slug);
    if (slugs.length === 0) throw new Response('Not Found', { status: 404 });
    return feedResponse(request, context, categoryFeed(slugs, format), format);
  };

/** `/authors/<slug>/feed.<format>`: one author's posts. */
export const authorFeedLoader =
  (format: FeedFormat) =>
  ({ params, request, context }: LoaderFunctionArgs) => {
    const slug = params.slug ?? '';
    return feedResponse(
      request,
      context,
      {
        query: { author: slug },
        movedTo: () => authorFeedPath(slug, format),
        describe: (listing, site) => {
          const name = listing.author?.name ?? slug;
          return {
            title: `${site.title}: posts by ${name}`,
            description: `Posts by ${name} on ${site.title}.`,
            page: authorPath(slug),
            self: authorFeedPath(slug, format),
          };
        },
      },
      format,
    );
  };
