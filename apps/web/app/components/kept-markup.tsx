import { useNavigate } from '@remix-run/react';
import { createElement, type MouseEvent } from 'react';

interface KeptMarkupProps {
  /** The element the server rendered here, with the same class, so hydration matches it. */
  as: 'div' | 'ol';
  className: string;
}

/** An empty body React never compares with the server's: it keeps what it finds. */
const KEEP = { __html: '' };

/** The app's own links as the server rendered them: `<Link>` marks them for route discovery. */
const APP_LINK = 'a[data-discover]';

/**
 * The server's markup of a `markupOnly` value, kept as the page hydrates: React leaves the
 * content of an element rendered with `dangerouslySetInnerHTML` as it finds it in the page, and
 * changes it only when that HTML changes, i.e. once the value arrives as data. The `<Link>`s in
 * that markup are plain anchors; a plain click on one navigates in the app, as the `<Link>`
 * would have (keeping the scroll position, like the comment thread's Reply links).
 */
export function KeptMarkup({ as, className }: KeptMarkupProps) {
  const navigate = useNavigate();
  const followAppLink = (event: MouseEvent<HTMLElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    const link = (event.target as Element).closest<HTMLAnchorElement>(APP_LINK);
    if (!link || link.target) return;
    event.preventDefault();
    navigate(link.getAttribute('href') ?? '', { preventScrollReset: true });
  };
  return createElement(as, {
    className,
    dangerouslySetInnerHTML: KEEP,
    suppressHydrationWarning: true,
    onClick: followAppLink,
  });
}
