import { Link } from '@remix-run/react';
import { paginate } from '../lib/pagination.js';

interface PagerProps {
  current: number;
  total: number;
  hrefFor: (page: number) => string;
}

/** Real links to numbered pages, so paging works without JavaScript and can be crawled. */
export function Pager({ current, total, hrefFor }: PagerProps) {
  const { previous, next, pages } = paginate(current, total, hrefFor);
  if (pages.length === 0) return null;
  return (
    <nav className="pager" aria-label="Pagination">
      {previous ? (
        <Link to={previous} rel="prev">
          ← Newer
        </Link>
      ) : null}
      <ol>
        {pages.map((link, index) =>
          link ? (
            <li key={link.page}>
              <Link
                to={link.href}
                aria-current={link.current ? 'page' : undefined}
                aria-label={`Page ${link.page}`}
              >
                {link.page}
              </Link>
            </li>
          ) : (
            <li key={`gap-${index}`} aria-hidden="true">
              …
            </li>
          ),
        )}
      </ol>
      {next ? (
        <Link to={next} rel="next">
          Older →
        </Link>
      ) : null}
    </nav>
  );
}
