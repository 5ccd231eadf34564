import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { type SearchHit, type SearchResultsView } from '@inkwell/contract';
import { apiFor, ApiError } from '../api-client.server.js';
import { CategoryLinks } from '../components/category-links.js';
import { Pager } from '../components/pager.js';
import { PostDate } from '../components/post-date.js';
import { SearchForm } from '../components/search-form.js';
import { PUBLIC_PAGE_CACHE } from '../lib/cache-control.js';
import { pageHeaders } from '../lib/headers.js';
import { parsePageParam } from '../lib/pagination.js';
import { resultCount } from '../lib/search-total.js';
import { seoMeta } from '../lib/seo.js';
import { absoluteUrl } from '../lib/site.js';
import { siteSettingsOf } from '../lib/site-settings.js';
import { parseSnippet } from '../lib/snippet.js';

/** The API accepts 1..200 characters. */
const MAX_QUERY = 200;

type SearchOutcome =
  | { state: 'idle' }
  | { state: 'results'; results: SearchResultsView }
  | { state: 'refused'; message: string }
  | { state: 'unavailable' };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const query = (params.get('q') ?? '').trim().slice(0, MAX_QUERY);
  const page = parsePageParam(params.get('page'));
  let outcome: SearchOutcome = { state: 'idle' };
  if (query) {
    try {
      outcome = {
        state: 'results',
        results: await apiFor(context).get('/api/search', { query: { q: query, page } }),
      };
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        outcome = { state: 'refused', message: Object.values(error.fields)[0] ?? error.message };
      } else {
        // Search down (503), not deployed (404) or unreachable: the rest of the site works.
        outcome = { state: 'unavailable' };
      }
    }
  }
  return data(
    { query, outcome, canonicalUrl: absoluteUrl(context.siteUrl, '/search') },
    // A refused query is the page with its message, answered with the API's 400.
    {
      status: outcome.state === 'refused' ? 400 : 200,
      headers: { 'Cache-Control': PUBLIC_PAGE_CACHE },
    },
  );
}

export const headers = pageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...seoMeta({
    site: siteSettingsOf(matches),
    title: data?.query ? `Search: ${data.query}` : 'Search',
    description: 'Search the posts and comments.',
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
          Search is not available right now. Meanwhile, browse the <Link to="/">latest posts</Link>{' '}
          or their categories.
        </p>
      ) : null}
      {outcome.state === 'refused' ? (
        <p className="notice notice--error" role="status">
          {outcome.message}
        </p>
      ) : null}
      {outcome.state === 'results' ? <Results query={query} results={outcome.results} /> : null}
    </div>
  );
}

function Results({ query, results }: { query: string; results: SearchResultsView }) {
  // A count that stopped at its cap stops the pager there too; deeper pages keep their address.
  const pages = Math.ceil(results.total.value / results.pageSize);
  const corrected = results.terms.correctedTo;
  return (
    <section aria-labelledby="results-heading" className="search-results">
      <h2 id="results-heading">
        {resultCount(results.total)} for “{query}”
      </h2>
      {corrected ? (
        <p className="search-results__corrected">
          Showing results for <strong>{corrected}</strong> (you typed {query}).
        </p>
      ) : null}
      {results.hits.length === 0 ? (
        <>
          <p>Nothing matched. Try other words, or fewer of them.</p>
          {results.suggestions.length > 0 ? (
            <p className="search-results__suggestions">
              Closest spellings:{' '}
              {results.suggestions.map((suggestion, index) => (
                <span key={suggestion}>
                  {index > 0 ? ', ' : null}
                  <a href={`/search?${new URLSearchParams({ q: suggestion })}`}>{suggestion}</a>
                </span>
              ))}
            </p>
          ) : null}
        </>
      ) : (
        <ol className="post-list">
          {results.hits.map((hit) => (
            <li key={`${hit.kind}-${hit.id}`}>
              <HitCard hit={hit} />
            </li>
          ))}
        </ol>
      )}
      <Pager
        current={results.page}
        total={pages}
        hrefFor={(page) =>
          `/search?${new URLSearchParams({ q: query, ...(page > 1 ? { page: String(page) } : {}) })}`
        }
      />
    </section>
  );
}

function HitCard({ hit }: { hit: SearchHit }) {
  const href = hit.kind === 'post' ? hit.path : `/posts/${hit.slug}#comment-${hit.id}`;
  return (
    <article className="post-card" aria-labelledby={`hit-${hit.kind}-${hit.id}`}>
      <h3 id={`hit-${hit.kind}-${hit.id}`}>
        <Link to={href}>{hit.title}</Link>
      </h3>
      {hit.kind === 'post' ? (
        <p className="post-meta">
          <PostDate iso={hit.publishedAt} />
        </p>
      ) : null}
      <p className="post-card__summary">
        {parseSnippet(hit.snippet).map((part, index) =>
          part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
        )}
      </p>
      {hit.kind === 'post' ? <CategoryLinks categories={hit.categories} /> : null}
    </article>
  );
}
