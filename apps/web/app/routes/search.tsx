import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { apiFor, ApiError, type SearchResults } from '../api.server.js';
import { PostDate } from '../components/post-date.js';
import { SearchForm } from '../components/search-form.js';
import { PUBLIC_PAGE_CACHE } from '../lib/cache-control.js';
import { pageHeaders } from '../lib/headers.js';
import { pluralize } from '../lib/pluralize.js';
import { seoMeta } from '../lib/seo.js';
import { absoluteUrl } from '../lib/site.js';

type SearchOutcome =
  { state: 'idle' } | { state: 'results'; results: SearchResults } | { state: 'unavailable' };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const query = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 200);
  let outcome: SearchOutcome = { state: 'idle' };
  if (query) {
    try {
      outcome = { state: 'results', results: await apiFor(context).search(query) };
    } catch (error) {
      // Until the search endpoint ships (or while its engine is down) the page says so.
      if (!(error instanceof ApiError) || error.status >= 500 || error.status === 404) {
        outcome = { state: 'unavailable' };
      } else throw error;
    }
  }
  return data(
    { query, outcome, canonicalUrl: absoluteUrl(context.siteUrl, '/search') },
    { headers: { 'Cache-Control': PUBLIC_PAGE_CACHE } },
  );
}

export const headers = pageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...seoMeta({
    title: data?.query ? `Search: ${data.query}` : 'Search',
    description: 'Search the posts.',
    url: data?.canonicalUrl ?? '/search',
  }),
  { name: 'robots', content: 'noindex' },
];

export default function SearchPage() {
  const { query, outcome } = useLoaderData<typeof loader>();
  return (
    <div className="search-page">
      <h1>Search</h1>
      <SearchForm id="search-page-query" defaultValue={query} />
      {outcome.state === 'unavailable' ? (
        <p className="notice" role="status">
          Search is coming soon. Meanwhile, browse the <Link to="/">latest posts</Link> or their
          categories.
        </p>
      ) : null}
      {outcome.state === 'results' ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">
            {pluralize(outcome.results.total ?? outcome.results.items.length, 'result')} for “
            {query}”
          </h2>
          {outcome.results.items.length === 0 ? (
            <p>Nothing matched. Try other words.</p>
          ) : (
            <ol className="post-list">
              {outcome.results.items.map((item) => (
                <li key={item.slug}>
                  <article className="post-card">
                    <h3>
                      <Link to={`/posts/${item.slug}`}>{item.title}</Link>
                    </h3>
                    {item.publishedAt ? (
                      <p className="post-meta">
                        <PostDate iso={item.publishedAt} />
                      </p>
                    ) : null}
                    {item.summary ? <p className="post-card__summary">{item.summary}</p> : null}
                  </article>
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}
    </div>
  );
}
