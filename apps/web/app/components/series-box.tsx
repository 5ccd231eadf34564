import { type SeriesNavView } from '@inkwell/contract';
import { Link } from '@remix-run/react';

/** "Part N of M": the series' published parts, this one marked, with the parts before and after. */
export function SeriesBox({ series }: { series: SeriesNavView }) {
  const { parts, position } = series;
  const previous = parts[position - 2];
  const next = parts[position];
  return (
    <aside className="series-box" aria-labelledby="series-heading">
      <h2 id="series-heading" className="series-box__title">
        <span className="series-box__part">
          Part {position} of {parts.length}
        </span>{' '}
        in the series {series.name}
      </h2>
      <ol>
        {parts.map((part, index) =>
          index === position - 1 ? (
            <li key={part.slug} aria-current="page">
              {part.title}
            </li>
          ) : (
            <li key={part.slug}>
              <Link to={`/posts/${part.slug}`}>{part.title}</Link>
            </li>
          ),
        )}
      </ol>
      {previous || next ? (
        <nav className="series-box__nav" aria-label={`Parts of ${series.name}`}>
          {previous ? (
            <Link to={`/posts/${previous.slug}`}>Previous part: {previous.title}</Link>
          ) : null}
          {next ? <Link to={`/posts/${next.slug}`}>Next part: {next.title}</Link> : null}
        </nav>
      ) : null}
    </aside>
  );
}
