import {
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { apiFor, rethrowApiRefusal } from '../api-client.server.js';
import { CategoryLinks } from '../components/category-links.js';
import { PostPageCover } from '../components/cover-picture.js';
import { PostDate } from '../components/post-date.js';
import { SeriesBox } from '../components/series-box.js';
import { PRIVATE_NO_STORE } from '../lib/cache-control.js';
import { makeCodeBlocksFocusable } from '../lib/post-html.js';

/**
 * A draft, scheduled post or pending edit shown through its secret preview link. Never stored
 * (not by the browser, a CDN or the site's page cache) and kept out of search engines; an
 * unknown or revoked link is the site's 404.
 */

const NOINDEX = 'noindex, nofollow';

export async function loader({ params, context }: LoaderFunctionArgs) {
  const preview = await apiFor(context)
    .get('/api/preview/{token}', { params: { token: params.token ?? '' } })
    .catch(rethrowApiRefusal);
  return data(
    { ...preview, html: makeCodeBlocksFocusable(preview.html) },
    { headers: { 'Cache-Control': PRIVATE_NO_STORE, 'X-Robots-Tag': NOINDEX } },
  );
}

/** Every answer of this page, the 404 of a revoked link too, is private and unindexed. */
export const headers: HeadersFunction = () => ({
  'Cache-Control': PRIVATE_NO_STORE,
  'X-Robots-Tag': NOINDEX,
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Preview: ${data.title}` : 'Preview' },
  { name: 'robots', content: NOINDEX },
];

const STATE_NOTES = {
  draft: 'This is a draft: it is not published yet.',
  scheduled: 'This post is scheduled: it is not public yet.',
  published: 'This is the published post.',
} as const;

export default function PostPreview() {
  const preview = useLoaderData<typeof loader>();
  return (
    <article className="post" aria-labelledby="post-title">
      <p className="notice preview-banner" role="note">
        Preview.{' '}
        {preview.pendingEdit
          ? 'These are changes to a published post that readers do not see yet.'
          : STATE_NOTES[preview.state]}
      </p>
      <header className="post__header">
        <h1 id="post-title">{preview.title}</h1>
        {preview.publishedAt ? (
          <p className="post-meta">
            <PostDate iso={preview.publishedAt} />
          </p>
        ) : null}
        <CategoryLinks categories={preview.categories} />
      </header>
      {preview.cover ? <PostPageCover cover={preview.cover} /> : null}
      {preview.externalUrl ? (
        <p className="post__external">
          This post is about a page elsewhere:{' '}
          <a href={preview.externalUrl}>{preview.externalUrl}</a>
        </p>
      ) : null}
      {preview.series ? <SeriesBox series={preview.series} /> : null}
      {/* Rendered from Markdown and sanitized by the API, like a published post. */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: preview.html }} />
    </article>
  );
}
