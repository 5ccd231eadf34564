import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { apiFor, ApiError, rethrowApiRefusal } from '../api-client.server.js';
import { Byline } from '../components/byline.js';
import { CategoryLinks } from '../components/category-links.js';
import { CommentForm } from '../components/comment-form.js';
import { CommentThread } from '../components/comment-thread.js';
import { PostPageCover } from '../components/cover-picture.js';
import { HeldComments } from '../components/held-comments.js';
import { KeptMarkup } from '../components/kept-markup.js';
import { PostDate } from '../components/post-date.js';
import { ReadingTime } from '../components/reading-time.js';
import { SeriesBox } from '../components/series-box.js';
import { TableOfContents } from '../components/table-of-contents.js';
import { useCopyCodeButtons } from '../hooks/use-copy-code-buttons.js';
import { useArrivedCommentIds, useLiveComments } from '../hooks/use-live-comments.js';
import { useRef } from 'react';
import { PRIVATE_NO_STORE, PUBLIC_PAGE_CACHE } from '../lib/cache-control.js';
import {
  commentFormErrors,
  findComment,
  parseCommentId,
  parseRenderedAt,
  readCommentForm,
} from '../lib/comment-form.js';
import { commentIds } from '../lib/arrived-comments.js';
import { pageHeaders } from '../lib/headers.js';
import { markupOnly, useMarkupOnly } from '../lib/markup-only.js';
import { pluralize } from '../lib/pluralize.js';
import { makeCodeBlocksFocusable } from '../lib/post-html.js';
import { seoMeta } from '../lib/seo.js';
import { absoluteUrl } from '../lib/site.js';
import { siteSettingsOf, useSiteSettings } from '../lib/site-settings.js';
import { type loader as rootLoader } from '../root.js';
import { readForm } from '../lib/read-form.server.js';
import { heldCommentsOnPage, rememberHeldComment } from '../lib/held-comments.server.js';

/** Query flag set after a comment was accepted; the page then says it awaits moderation. */
const COMMENT_PENDING = 'pending';
/** The post's body and comment thread, kept out of a document's inline data. */
const POST_MARKUP = 'post';

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const slug = params.slug ?? '';
  const answer = await apiFor(context)
    .answer('/api/posts/{slug}', { params: { slug } }, [301])
    .catch(rethrowApiRefusal);
  // An old slug: send readers (and search engines) to the post's current address for good.
  if (answer.status === 301) {
    throw redirect(`/posts/${encodeURIComponent(answer.body.slug)}`, {
      status: 301,
      headers: { 'Cache-Control': PUBLIC_PAGE_CACHE },
    });
  }
  const { post: postWithHtml, comments, previous, next, related, series, shareImage } = answer.body;
  const { html, ...post } = postWithHtml;
  const search = new URL(request.url).searchParams;
  const replyToId = parseCommentId(search.get('replyTo'));
  const replyTo = replyToId === undefined ? undefined : findComment(comments, replyToId);
  // The visitor's own comments awaiting moderation make the page theirs alone.
  const held = await heldCommentsOnPage(request, context, post.id);
  const headers = new Headers({
    'Cache-Control': held.personal ? PRIVATE_NO_STORE : PUBLIC_PAGE_CACHE,
  });
  if (held.setCookie) headers.append('Set-Cookie', held.setCookie);
  return data(
    {
      post,
      series,
      previous,
      next,
      related,
      // The body and the thread, in the markup of a document only (lib/markup-only.ts).
      markup: markupOnly(context, POST_MARKUP, {
        html: makeCodeBlocksFocusable(html),
        comments,
      }),
      commentIds: commentIds(comments),
      heldComments: held.comments,
      replyTo: replyTo ? { id: replyTo.id, authorName: replyTo.authorName } : null,
      commentPending: search.get('comment') === COMMENT_PENDING,
      renderedAt: Date.now(),
      canonicalUrl: absoluteUrl(context.siteUrl, `/posts/${post.slug}`),
      shareImage,
    },
    { headers },
  );
}

function commenterHeaders(ip: string | undefined, userAgent: string | null) {
  const headers: Record<string, string> = {};
  if (ip) headers['x-forwarded-for'] = ip;
  if (userAgent) headers['user-agent'] = userAgent;
  return headers;
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const slug = params.slug ?? '';
  const values = readCommentForm(await readForm(request));
  let heldCookie: string | undefined;
  try {
    const created = await apiFor(context).post('/api/posts/{slug}/comments', {
      params: { slug },
      body: {
        authorName: values.authorName,
        authorEmail: values.authorEmail,
        body: values.body,
        parentId: parseCommentId(values.parentId),
        website: values.website,
        renderedAt: parseRenderedAt(values.renderedAt),
        notifyReplies: values.notifyReplies === 'on',
      },
      // Who is commenting, so the API can keep it for moderation.
      headers: commenterHeaders(context.clientIp, request.headers.get('user-agent')),
    });
    // Held: this browser is shown its comment, marked as awaiting moderation, until then.
    if (created.awaitingModeration && created.viewKey && created.id > 0) {
      heldCookie = await rememberHeldComment(request, context, {
        id: created.id,
        key: created.viewKey,
      });
    }
  } catch (error) {
    // 400: invalid or refused input; 429: this address has commented too often.
    if (error instanceof ApiError && (error.status === 400 || error.status === 429)) {
      return data(
        { ...commentFormErrors(error.status, error.message, error.fields), values },
        { status: error.status, headers: { 'Cache-Control': PRIVATE_NO_STORE } },
      );
    }
    rethrowApiRefusal(error);
  }
  return redirect(`/posts/${encodeURIComponent(slug)}?comment=${COMMENT_PENDING}#comments`, {
    status: 303,
    headers: heldCookie ? { 'Set-Cookie': heldCookie } : undefined,
  });
}

export const headers = pageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [];
  return seoMeta({
    site: siteSettingsOf(matches),
    title: data.post.title,
    description: data.post.summary || data.post.title,
    url: data.canonicalUrl,
    type: 'article',
    publishedAt: data.post.publishedAt,
    image: { ...data.shareImage, alt: data.post.cover?.alt },
  });
};

export default function PostPage() {
  const loaded = useLoaderData<typeof loader>();
  const { post, series, previous, next, related, replyTo, commentPending, renderedAt } = loaded;
  const markup = useMarkupOnly(POST_MARKUP, loaded.markup);
  const submission = useActionData<typeof action>();
  // The root loader always runs before this page renders, so its bundles are there.
  const { bundles } = useRouteLoaderData<typeof rootLoader>('root')!;
  useLiveComments(post.id, bundles.fayeClient);
  const arrivedIds = useArrivedCommentIds(post.id, loaded.commentIds);
  const { commentsEnabled, replyEmails } = useSiteSettings();
  const article = useRef<HTMLElement>(null);
  const copyStatus = useCopyCodeButtons(article, ':scope > .prose');

  return (
    <article className="post" aria-labelledby="post-title" ref={article}>
      <header className="post__header">
        <h1 id="post-title">{post.title}</h1>
        <p className="post-meta">
          <PostDate iso={post.publishedAt} />
          <Byline author={post.author} />
          <span aria-hidden="true"> · </span>
          <ReadingTime minutes={post.readingMinutes} />
          <span aria-hidden="true"> · </span>
          <a href="#comments">{pluralize(post.commentCount, 'comment')}</a>
        </p>
        <CategoryLinks categories={post.categories} />
      </header>

      {post.cover ? <PostPageCover cover={post.cover} /> : null}

      {post.externalUrl ? (
        <p className="post__external">
          This post is about a page elsewhere: <a href={post.externalUrl}>{post.externalUrl}</a>
        </p>
      ) : null}

      {series ? <SeriesBox series={series} /> : null}

      <TableOfContents headings={post.headings} />

      {/* Rendered from Markdown and sanitized by the API (docs/api.md); never user text from here. */}
      {markup ? (
        <div className="prose" dangerouslySetInnerHTML={{ __html: markup.html }} />
      ) : (
        <KeptMarkup as="div" className="prose" />
      )}
      <p className="visually-hidden" role="status">
        {copyStatus}
      </p>

      <footer className="post__footer">
        {previous || next ? (
          <nav className="post-nav" aria-label="Previous and next post">
            {previous ? (
              <Link to={`/posts/${previous.slug}`} rel="prev" className="post-nav__previous">
                <span className="post-nav__label">Older post</span>
                {previous.title}
              </Link>
            ) : null}
            {next ? (
              <Link to={`/posts/${next.slug}`} rel="next" className="post-nav__next">
                <span className="post-nav__label">Newer post</span>
                {next.title}
              </Link>
            ) : null}
          </nav>
        ) : null}

        {related.length > 0 ? (
          <section className="related" aria-labelledby="related-heading">
            <h2 id="related-heading">Related posts</h2>
            <ul>
              {related.map((item) => (
                <li key={item.slug}>
                  <Link to={`/posts/${item.slug}`}>{item.title}</Link>{' '}
                  <PostDate iso={item.publishedAt} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </footer>

      <section
        id="comments"
        className="comments"
        data-post-id={post.id}
        aria-labelledby="comments-heading"
      >
        <h2 id="comments-heading">{pluralize(post.commentCount, 'comment')}</h2>
        {commentPending ? (
          <p className="notice notice--success" role="status">
            Thank you! Your comment awaits moderation and will appear once it is approved.
          </p>
        ) : null}
        <p className="visually-hidden" role="status">
          {arrivedIds.size > 0 ? `${pluralize(arrivedIds.size, 'new comment')} arrived.` : ''}
        </p>
        {loaded.commentIds.length === 0 ? (
          <p>No comments yet. Be the first to say something.</p>
        ) : markup ? (
          <CommentThread comments={markup.comments} slug={post.slug} arrivedIds={arrivedIds} />
        ) : (
          <KeptMarkup as="ol" className="comment-thread" />
        )}
        {loaded.heldComments.length > 0 ? <HeldComments comments={loaded.heldComments} /> : null}
        {commentsEnabled ? (
          <CommentForm
            slug={post.slug}
            replyTo={replyTo}
            renderedAt={renderedAt}
            submission={submission ?? null}
            offerReplyEmails={replyEmails}
          />
        ) : (
          <p className="comments__closed">Comments are closed.</p>
        )}
      </section>
    </article>
  );
}
