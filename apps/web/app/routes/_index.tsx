import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { apiFor, rethrowApiRefusal } from '../api-client.server.js';
import { CategoryLinks } from '../components/category-links.js';
import { Pager } from '../components/pager.js';
import { PostDate } from '../components/post-date.js';
import { PUBLIC_PAGE_CACHE } from '../lib/cache-control.js';
import { categoryListingPath, feedPath, parseCategoryParam } from '../lib/category-param.js';
import { pageHeaders } from '../lib/headers.js';
import { parsePageParam } from '../lib/pagination.js';
import { pluralize } from '../lib/pluralize.js';
import { redirectFromOldAddress, wordPressAddress } from '../lib/old-address.server.js';
import { seoMeta } from '../lib/seo.js';
import { absoluteUrl } from '../lib/site.js';
import { siteSettingsOf } from '../lib/site-settings.js';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const oldAddress = wordPressAddress(url);
  if (oldAddress) await redirectFromOldAddress(context, oldAddress);
  const params = url.searchParams;
  const slugs = parseCategoryParam(params.get('category'));
  // `?category=` naming nothing that could be a category is a dead link, not the home page.
  if (params.has('category') && slugs.length === 0 && params.get('category') !== '') {
    throw new Response('Not Found', { status: 404 });
  }
  const page = parsePageParam(params.get('page'));
  const api = apiFor(context);
  const { postsPerPage } = await api.get('/api/settings');
  const [listing, categories] = await Promise.all([
    api
      .get('/api/posts', { query: { page, pageSize: postsPerPage, category: slugs.join(',') } })
      .catch(rethrowApiRefusal),
    api.get('/api/categories'),
  ]);
  return data(
    {
      listing,
      categories: categories.items,
      canonicalUrl: absoluteUrl(context.siteUrl, categoryListingPath(slugs, page)),
      feedUrl: feedPath(slugs),
    },
    { headers: { 'Cache-Control': PUBLIC_PAGE_CACHE } },
  );
}

export const headers = pageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [];
  const { listing } = data;
  const site = siteSettingsOf(matches);
  const names = listing.categories.map((category) => category.name).join(', ');
  const base = names ? `Posts in ${names}` : site.title;
  const title = listing.page > 1 ? `${base} (page ${listing.page})` : base;
  return [
    ...seoMeta({
      site,
      title,
      description: names
        ? `${listing.total} posts about ${names} on ${site.title}.`
        : site.description || site.title,
      url: data.canonicalUrl,
    }),
    // The site feed is linked from the root; a filtered listing adds its own.
    ...(names
      ? [
          {
            tagName: 'link',
            rel: 'alternate',
            type: 'application/rss+xml',
            title,
            href: data.feedUrl,
          },
        ]
      : []),
  ];
};

export default function Home() {
  const { listing, categories } = useLoaderData<typeof loader>();
  const active = listing.categories.map((category) => category.slug);

  return (
    <div className="listing">
      <div className="listing__main">
        {active.length > 0 ? (
          <FilterBanner filter={listing.categories} total={listing.total} />
        ) : (
          <h1 className="listing__title">Latest posts</h1>
        )}

        {listing.items.length === 0 ? (
          <p className="empty">
            No posts here. <Link to={categoryListingPath(active)}>Go to the first page</Link>.
          </p>
        ) : (
          <ol className="post-list">
            {listing.items.map((post) => (
              <li key={post.id}>
                <article className="post-card" aria-labelledby={`post-${post.id}`}>
                  <h2 id={`post-${post.id}`}>
                    <Link to={`/posts/${post.slug}`}>{post.title}</Link>
                  </h2>
                  <p className="post-meta">
                    <PostDate iso={post.publishedAt} />
                    <span aria-hidden="true"> · </span>
                    <Link to={`/posts/${post.slug}#comments`}>
                      {pluralize(post.commentCount, 'comment')}
                    </Link>
                  </p>
                  {post.summary ? <p className="post-card__summary">{post.summary}</p> : null}
                  <CategoryLinks categories={post.categories} />
                </article>
              </li>
            ))}
          </ol>
        )}

        <Pager
          current={listing.page}
          total={listing.pages}
          hrefFor={(page) => categoryListingPath(active, page)}
        />
      </div>

      <aside className="listing__aside" aria-labelledby="categories-heading">
        <h2 id="categories-heading">Categories</h2>
        <ul className="category-list">
          {categories.map((category) => (
            <li key={category.slug}>
              <Link
                to={categoryListingPath([category.slug])}
                aria-current={
                  active.length === 1 && active[0] === category.slug ? 'page' : undefined
                }
              >
                {category.name}
              </Link>{' '}
              <span className="count">({category.postCount})</span>
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}

function FilterBanner({
  filter,
  total,
}: {
  filter: { slug: string; name: string }[];
  total: number;
}) {
  const slugs = filter.map((category) => category.slug);
  return (
    <section className="filter-banner" aria-labelledby="filter-heading">
      <h1 id="filter-heading" className="listing__title">
        Posts in {filter.map((category) => category.name).join(' or ')}
      </h1>
      <p>
        Showing {pluralize(total, 'post')} filtered by{' '}
        {filter.length === 1 ? 'this category' : 'these categories'}.{' '}
        <Link to="/" className="filter-banner__clear">
          Clear filter
        </Link>
      </p>
      {filter.length > 1 ? (
        <ul className="tags" aria-label="Remove one category">
          {filter.map((category) => (
            <li key={category.slug}>
              <Link to={categoryListingPath(slugs.filter((slug) => slug !== category.slug))}>
                Remove {category.name}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="filter-banner__feed">
        <a href={feedPath(slugs)}>RSS feed for this filter</a>
      </p>
    </section>
  );
}
