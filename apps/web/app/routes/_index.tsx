import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Fragment } from 'react';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { apiFor } from '../api-client.server.js';
import { readPostListing } from '../category-listing.server.js';
import { PostList } from '../components/post-card.js';
import { Pager } from '../components/pager.js';
import { PUBLIC_PAGE_CACHE } from '../lib/cache-control.js';
import {
  categoryListingPath,
  FEED_FORMAT_LIST,
  feedPath,
  parseCategoryParam,
} from '../lib/category-param.js';
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
  // `?category=a,b` as links write it, `?category=a&category=b` as the form's checkboxes do.
  const requested = params.getAll('category').join(',');
  const slugs = parseCategoryParam(requested);
  // `?category=` naming nothing that could be a category is a dead link, not the home page.
  if (slugs.length === 0 && requested.replaceAll(',', '') !== '') {
    throw new Response('Not Found', { status: 404 });
  }
  const page = parsePageParam(params.get('page'));
  const api = apiFor(context);
  const { postsPerPage } = await api.get('/api/settings');
  const [listing, categories] = await Promise.all([
    readPostListing(api, { page, pageSize: postsPerPage, category: slugs.join(',') }, (current) =>
      categoryListingPath(current, page),
    ),
    api.get('/api/categories'),
  ]);
  // A page past the last one is a dead link, not an empty listing (page 1 may be empty).
  if (page > 1 && page > listing.pages) throw new Response('Not Found', { status: 404 });
  return data(
    {
      listing,
      categories: categories.items,
      canonicalUrl: absoluteUrl(context.siteUrl, categoryListingPath(slugs, page)),
      slugs,
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
  const title = names ? `Posts in ${names}` : site.title;
  return [
    ...seoMeta({
      site,
      title,
      page: listing.page,
      description: names
        ? `${listing.total} posts about ${names} on ${site.title}.`
        : site.description || site.title,
      url: data.canonicalUrl,
    }),
    // The site's feeds are linked from the root; a filtered listing adds its own.
    ...(names
      ? FEED_FORMAT_LIST.map(([format, { name, contentType }]) => ({
          tagName: 'link',
          rel: 'alternate',
          type: contentType,
          title: `${title} (${name})`,
          href: feedPath(data.slugs, format),
        }))
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
          <FilterBanner
            filter={listing.categories}
            total={listing.total}
            description={
              active.length === 1
                ? categories.find((category) => category.slug === active[0])?.description
                : undefined
            }
          />
        ) : (
          <h1 className="listing__title">Latest posts</h1>
        )}

        {listing.items.length === 0 ? (
          <p className="empty">
            No posts here. <Link to={categoryListingPath(active)}>Go to the first page</Link>.
          </p>
        ) : (
          <PostList posts={listing.items} />
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
        <CategoryPicker categories={categories} active={active} />
      </aside>
    </div>
  );
}

/** Several categories at once: checkboxes that submit `?category=a&category=b`, with or without JavaScript. */
function CategoryPicker({
  categories,
  active,
}: {
  categories: { slug: string; name: string }[];
  active: string[];
}) {
  return (
    <details className="category-picker" open={active.length > 1}>
      <summary>Choose several</summary>
      {/* Keyed by the filter so the boxes follow a navigation made elsewhere. */}
      <Form method="get" action="/" key={active.join(',')}>
        <fieldset>
          <legend className="visually-hidden">Categories to show</legend>
          {categories.map((category) => (
            <label key={category.slug} className="category-picker__choice">
              <input
                type="checkbox"
                name="category"
                value={category.slug}
                defaultChecked={active.includes(category.slug)}
              />{' '}
              {category.name}
            </label>
          ))}
        </fieldset>
        <button type="submit">Show posts</button>
      </Form>
    </details>
  );
}

function FilterBanner({
  filter,
  total,
  description,
}: {
  filter: { slug: string; name: string }[];
  total: number;
  /** What one category is about, as its author described it. */
  description?: string | undefined;
}) {
  const slugs = filter.map((category) => category.slug);
  return (
    <section className="filter-banner" aria-labelledby="filter-heading">
      <h1 id="filter-heading" className="listing__title">
        Posts in {filter.map((category) => category.name).join(' or ')}
      </h1>
      {description ? <p className="filter-banner__description">{description}</p> : null}
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
        Feeds for this filter:{' '}
        {FEED_FORMAT_LIST.map(([format, { name }], index) => (
          <Fragment key={format}>
            {index > 0 ? ' · ' : null}
            <a href={feedPath(slugs, format)}>{name}</a>
          </Fragment>
        ))}
      </p>
    </section>
  );
}
