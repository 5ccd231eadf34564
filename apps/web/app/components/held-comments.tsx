import { type HeldCommentView } from '@inkwell/contract';
import { PostDate } from './post-date.js';

/**
 * The visitor's own comments still awaiting moderation, shown to them alone (their browser's
 * signed cookie lists them) below the published thread, each marked as waiting.
 */
export function HeldComments({ comments }: { comments: readonly HeldCommentView[] }) {
  return (
    <section className="held-comments" aria-labelledby="held-comments-heading">
      <h3 id="held-comments-heading">Your comments awaiting moderation</h3>
      <ol className="comment-thread">
        {comments.map((comment) => (
          <li key={comment.id} id={`comment-${comment.id}`}>
            <article
              className="comment comment--held"
              aria-labelledby={`comment-${comment.id}-author`}
            >
              <header className="comment__header">
                <strong id={`comment-${comment.id}-author`}>{comment.authorName}</strong>
                <span aria-hidden="true"> · </span>
                <PostDate iso={comment.createdAt} />
                <span aria-hidden="true"> · </span>
                <span className="comment__held">awaiting moderation</span>
              </header>
              {/* Rendered from Markdown and sanitized by the API. */}
              <div
                className="comment__body prose"
                dangerouslySetInnerHTML={{ __html: comment.html }}
              />
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}
