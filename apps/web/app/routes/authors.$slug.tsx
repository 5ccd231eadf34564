import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Fragment } from 'react';
import { useLoaderData } from '@remix-run/react';
import { apiFor, rethrowApiRefusal } from '../api-client.server.js';
import { readPostListing } from '../category-listing.server.js';
import { Pager } from '../components/pager.js';
import { PostList } from '../components/post-card.js';
import { authorFeedPath, authorPath } from '../lib/author-paths.js';
import { PUBLIC_PAGE_CACHE } from '../lib/cache-control.js';
import { FEED_FORMAT_LIST } from '../lib/category-param.js';
import { pageHeaders } from '../lib/headers.js';
import { parsePageParam } from '../lib/pagination.js';
import { pluralize } from '../lib/pluralize.js';
import { seoMeta } from '../lib/seo.js';
import { absoluteUrl } from '../lib/site.js';
import { siteSettingsOf } from '../lib/site-settings.js';

/** An author's page: who they are and their published posts, paged like the home page. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const slug = params.slug ?? '';
  const page = parsePageParam(new URL(request.url).searchParams.get('page'));
  const api = apiFor(context);
  const [author, { postsPerPage }] = await Promise.all([
    api.get('/api/authors/{slug}', { params: { slug } }).catch(rethrowApiRefusal),
    api.get('/api/settings'),
  ]);
  const listing = await readPostListing(
    api,
    { category: '', author: slug, page, pageSize: postsPerPage },
    () => authorPath(slug, page),
  );
  if (page > 1 && page > listing.pages) throw new Response('Not Found', { status: 404 });
  return data(
    { author, listing, canonicalUrl: absoluteUrl(context.siteUrl, authorPath(slug, page)) },
    { headers: { 'Cache-Control': PUBLIC_PAGE_CACHE } },
  );
}

export const headers = pageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [];
  const { author } = data;
  return [
    ...seoMeta({
      site: siteSettingsOf(matches),
      title: author.name,
      page: data.listing.page,
      description: `${pluralize(author.postCount, 'post')} by ${author.name}.`,
      url: data.canonicalUrl,
    }),
    ...FEED_FORMAT_LIST.map(([format, { name, contentType }]) => ({
      tagName: 'link',
      rel: 'alternate',
      type: contentType,
      title: `Posts by ${author.name} (${name})`,
      href: authorFeedPath(author.slug, format),
    })),
  ];
};

export default function AuthorPage() {
  const { author, listing } = useLoaderData<typeof loader>();
  return (
    <div className="author-page">
      <header className="author-page__header">
        {author.avatar ? (
          <img
            className="author-page__avatar"
            src={author.avatar.url}
            alt=""
            width="96"
            height="96"
          />
        ) : null}
        <div>
          <h1 className="listing__title">{author.name}</h1>
          {/* Rendered from Markdown and sanitized by the API, like comments. */}
          {author.bioHtml ? (
            <div
              className="prose author-page__bio"
              dangerouslySetInnerHTML={{ __html: author.bioHtml }}
            />
          ) : null}
          <p className="author-page__feeds">
            {pluralize(author.postCount, 'post')} · Feeds:{' '}
            {FEED_FORMAT_LIST.map(([format, { name }], index) => (
              <Fragment key={format}>
                {index > 0 ? ' · ' : null}
                <a href={authorFeedPath(author.slug, format)}>{name}</a>
              </Fragment>
            ))}
          </p>
        </div>
      </header>
      <PostList posts={listing.items} />
      <Pager
        current={listing.page}
        total={listing.pages}
        hrefFor={(page) => authorPath(author.slug, page)}
      />
    </div>
  );
}
