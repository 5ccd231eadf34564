import { Link } from '@remix-run/react';
import { type CommentView } from '@inkwell/contract';
import { PostDate } from './post-date.js';

interface CommentThreadProps {
  comments: readonly CommentView[];
  slug: string;
  /** Comments that arrived with a live refetch: highlighted briefly (`comment--new`). */
  arrivedIds?: ReadonlySet<number>;
}

/** Nested approved comments, each with a reply link that works without JavaScript. */
export function CommentThread({ comments, slug, arrivedIds }: CommentThreadProps) {
  return (
    <ol className="comment-thread">
      {comments.map((comment) => (
        <li key={comment.id} id={`comment-${comment.id}`}>
          <article
            className={arrivedIds?.has(comment.id) ? 'comment comment--new' : 'comment'}
            aria-labelledby={`comment-${comment.id}-author`}
          >
            <header className="comment__header">
              <strong id={`comment-${comment.id}-author`}>{comment.authorName}</strong>
              <span aria-hidden="true"> · </span>
              <a href={`#comment-${comment.id}`} className="comment__permalink">
                <PostDate iso={comment.createdAt} />
              </a>
            </header>
            {/* Rendered from Markdown and sanitized by the API. */}
            <div
              className="comment__body prose"
              dangerouslySetInnerHTML={{ __html: comment.html }}
            />
            <Link
              to={`/posts/${slug}?replyTo=${comment.id}#comment-form`}
              className="comment__reply"
              preventScrollReset
              aria-label={`Reply to ${comment.authorName}`}
            >
              Reply
            </Link>
          </article>
          {comment.replies.length > 0 ? (
            <CommentThread comments={comment.replies} slug={slug} arrivedIds={arrivedIds} />
          ) : null}
        </li>
      ))}
    </ol>
  );
}
