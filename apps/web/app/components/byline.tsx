import { Link } from '@remix-run/react';
import { type AuthorRef } from '@inkwell/contract';
import { authorPath } from '../lib/author-paths.js';

/** ` · by Ada Lovelace`, linking to the author's page; nothing for a post with no author. */
export function Byline({ author }: { author: AuthorRef | null }) {
  if (!author) return null;
  return (
    <>
      <span aria-hidden="true"> · </span>
      <span className="byline">
        by{' '}
        {author.slug ? (
          <Link to={authorPath(author.slug)} rel="author">
            {author.name}
          </Link>
        ) : (
          author.name
        )}
      </span>
    </>
  );
}
