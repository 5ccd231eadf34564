import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  type ShouldRevalidateFunction,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import { type ReactNode } from 'react';
import { siteBundles } from './bundles.server.js';
import { NotFound } from './components/not-found.js';
import { SiteFooter, SiteHeader } from './components/site-chrome.js';
import { apiFor } from './api-client.server.js';
import { FEED_FORMAT_LIST, feedPath } from './lib/category-param.js';
import { useNonce } from './lib/nonce.js';
import { siteSettingsOf, useSiteSettings } from './lib/site-settings.js';
import appStyles from './styles/app.css?url';
import highlightStyles from './styles/highlight.css?url';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: appStyles },
  { rel: 'stylesheet', href: highlightStyles },
];

/** The static bundles' tags (fixed while this server runs) and the site's settings. */
export async function loader({ context }: LoaderFunctionArgs) {
  const [bundles, settings, pages] = await Promise.all([
    siteBundles(context),
    apiFor(context).get('/api/settings'),
    apiFor(context).get('/api/pages'),
  ]);
  return { bundles, settings, pages: pages.items };
}

/**
 * Navigations never change what is loaded here (live-comment refetches load the post's data
 * only); a form post may (the settings page), so the chrome is reloaded after one.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod }) =>
  formMethod !== undefined && formMethod.toUpperCase() !== 'GET';

/** Only reached for error pages: each route describes itself. */
export const meta: MetaFunction = ({ error, matches }) => {
  return [{ title: `${errorPageTitle(error)} · ${siteSettingsOf(matches).title}` }];
};

export function Layout({ children }: { children: ReactNode }) {
  // Undefined only when the root loader itself failed: the error page goes without print styles.
  const bundles = useRouteLoaderData<typeof loader>('root')?.bundles;
  const site = useSiteSettings();
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <Meta />
        <Links />
        {site.favicon ? (
          <link rel="icon" href={site.favicon.url} />
        ) : (
          <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        )}
        {FEED_FORMAT_LIST.map(([format, { name, contentType }]) => (
          <link
            key={format}
            rel="alternate"
            type={contentType}
            title={`${site.title} (${name})`}
            href={feedPath([], format)}
          />
        ))}
        {bundles ? <link {...bundles.print} media="print" /> : null}
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** A refused request (4xx other than 404): the address or form asked for what cannot be. */
function isRefusal(error: unknown): boolean {
  return isRouteErrorResponse(error) && error.status >= 400 && error.status < 500;
}

function errorPageTitle(error: unknown): string {
  if (isRouteErrorResponse(error) && error.status === 404) return 'Page not found';
  return isRefusal(error) ? 'Request not understood' : 'Something went wrong';
}

/** The API did not answer in time (api-client.server.ts) or is briefly unavailable. */
const GATEWAY_STATUSES = [503, 504];

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  if (isRouteErrorResponse(error) && GATEWAY_STATUSES.includes(error.status)) {
    return (
      <div className="page-message">
        <h1>The site is taking too long to answer</h1>
        <p>Please try again in a moment.</p>
      </div>
    );
  }
  if (isRefusal(error)) {
    return (
      <div className="page-message">
        <h1>Request not understood</h1>
        <p>
          This address asks for something the site cannot show, such as a page number past the end
          or too many categories at once.
        </p>
        <p>
          <Link to="/">Back to the latest posts</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page-message">
      <h1>Something went wrong</h1>
      <p>The page could not be shown right now. Please try again in a moment.</p>
    </div>
  );
}
