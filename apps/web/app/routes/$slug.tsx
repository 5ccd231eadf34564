import { data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { apiFor, ApiError, rethrowApiRefusal } from '../api-client.server.js';
import { PUBLIC_PAGE_CACHE } from '../lib/cache-control.js';
import { pageHeaders } from '../lib/headers.js';
import { redirectFromOldAddress } from '../lib/old-address.server.js';
import { makeCodeBlocksFocusable } from '../lib/post-html.js';
import { seoMeta } from '../lib/seo.js';
import { absoluteUrl } from '../lib/site.js';
import { siteSettingsOf } from '../lib/site-settings.js';

/**
 * A static page at the top of the site (`/about`); a renamed page's old slug redirects to its
 * current one. Any other one-segment address may be an imported post's old one: it redirects,
 * else answers 404.
 */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const slug = params.slug ?? '';
  const answer = await apiFor(context)
    .answer('/api/pages/{slug}', { params: { slug } }, [301])
    .catch(async (error: unknown) => {
      if (error instanceof ApiError && error.status === 404) {
        const url = new URL(request.url);
        return redirectFromOldAddress(context, `${url.pathname}${url.search}`);
      }
      return rethrowApiRefusal(error);
    });
  if (answer.status === 301) {
    throw redirect(`/${encodeURIComponent(answer.body.slug)}`, {
      status: 301,
      headers: { 'Cache-Control': PUBLIC_PAGE_CACHE },
    });
  }
  const { html, ...page } = answer.body.page;
  return data(
    {
      page,
      html: makeCodeBlocksFocusable(html),
      canonicalUrl: absoluteUrl(context.siteUrl, `/${page.slug}`),
    },
    { headers: { 'Cache-Control': PUBLIC_PAGE_CACHE } },
  );
}

export const headers = pageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [];
  return seoMeta({
    site: siteSettingsOf(matches),
    title: data.page.title,
    description: data.page.summary || data.page.title,
    url: data.canonicalUrl,
  });
};

export default function StaticPage() {
  const { page, html } = useLoaderData<typeof loader>();
  return (
    <article className="post static-page" aria-labelledby="page-title">
      <header className="post__header">
        <h1 id="page-title">{page.title}</h1>
      </header>
      {/* Rendered from Markdown and sanitized by the API (docs/api.md). */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}
