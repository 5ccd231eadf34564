import { Link } from '@remix-run/react';
import { type PostSummaryView } from '@inkwell/contract';
import { pluralize } from '../lib/pluralize.js';
import { Byline } from './byline.js';
import { CategoryLinks } from './category-links.js';
import { CoverPicture, LISTING_COVER_WIDTHS } from './cover-picture.js';
import { PostDate } from './post-date.js';
import { ReadingTime } from './reading-time.js';

/** A post in a listing (the home page, a category, an author's page). */
export function PostCard({ post }: { post: PostSummaryView }) {
  return (
    <article
      className={post.cover ? 'post-card post-card--with-cover' : 'post-card'}
      aria-labelledby={`post-${post.id}`}
    >
      {post.cover ? (
        // Beside its title, which says what it shows: decorative here.
        <CoverPicture
          cover={post.cover}
          className="post-card__cover"
          sizes="8rem"
          widths={LISTING_COVER_WIDTHS}
          alt=""
        />
      ) : null}
      <h2 id={`post-${post.id}`}>
        <Link to={`/posts/${post.slug}`}>{post.title}</Link>
      </h2>
      <p className="post-meta">
        <PostDate iso={post.publishedAt} />
        <Byline author={post.author} />
        <span aria-hidden="true"> · </span>
        <ReadingTime minutes={post.readingMinutes} />
        <span aria-hidden="true"> · </span>
        <Link to={`/posts/${post.slug}#comments`}>{pluralize(post.commentCount, 'comment')}</Link>
      </p>
      {post.summary ? <p className="post-card__summary">{post.summary}</p> : null}
      <CategoryLinks categories={post.categories} />
    </article>
  );
}

/** Listed posts, newest first as the API gave them. */
export function PostList({ posts }: { posts: readonly PostSummaryView[] }) {
  return (
    <ol className="post-list">
      {posts.map((post) => (
        <li key={post.id}>
          <PostCard post={post} />
        </li>
      ))}
    </ol>
  );
}
