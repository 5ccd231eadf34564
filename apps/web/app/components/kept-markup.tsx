import { createElement } from 'react';

interface KeptMarkupProps {
  /** The element the server rendered here, with the same class, so hydration matches it. */
  as: 'div' | 'ol';
  className: string;
}

/** An empty body React never compares with the server's: it keeps what it finds. */
const KEEP = { __html: '' };

/**
 * The server's markup of a `markupOnly` value, kept as the page hydrates: React leaves the
 * content of an element rendered with `dangerouslySetInnerHTML` as it finds it in the page, and
 * changes it only when that HTML changes, i.e. once the value arrives as data.
 */
export function KeptMarkup({ as, className }: KeptMarkupProps) {
  return createElement(as, {
    className,
    dangerouslySetInnerHTML: KEEP,
    suppressHydrationWarning: true,
  });
}
