import { useRevalidator } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import { arrivedCommentIds } from '../lib/arrived-comments.js';

/** The site's hashed Faye client bundle (root loader), loaded only where comments are live. */
export interface FayeClientScript {
  src: string;
  integrity: string;
}

/**
 * Keeps a post's comments current while it is open: after hydration it loads the realtime
 * helper (its own chunk) and the Faye client, subscribes to the post's comment channel and
 * revalidates the page's data on each hint. The helper throttles hints per channel, and polls
 * every 5 s while the connection is down (every 5 minutes while it is up). Revalidation keeps
 * the scroll position and the comment form's typed text: only loader data changes.
 */
export function useLiveComments(postId: number, fayeClient: FayeClientScript): void {
  const { revalidate } = useRevalidator();
  const { src, integrity } = fayeClient;

  useEffect(() => {
    let stop: (() => void) | undefined;
    let unmounted = false;
    import('@inkwell/realtime/browser')
      .then(({ commentChannel, loadFayeClient, watchChannels }) => {
        if (unmounted) return;
        const watch = watchChannels({
          // The site proxies /realtime to the API: one origin for the browser.
          apiOrigin: '',
          channels: [commentChannel(postId)],
          // The Faye browser client from the site's own immutable bundle, with its SRI hash
          // (the API serves no copy).
          loadClient: () => loadFayeClient({ scriptUrl: src, integrity }),
          onHint: () => revalidate(),
          onRefresh: () => revalidate(),
        });
        stop = () => watch.stop();
      })
      // The chunk did not load (offline, a deploy removed it): the page stays as rendered.
      .catch(() => undefined);
    return () => {
      unmounted = true;
      stop?.();
    };
  }, [postId, src, integrity, revalidate]);
}

/**
 * The ids of comments that arrived with the latest refetch, for a fading highlight. Nothing is
 * new on first render or after moving to another post; a refetch without arrivals keeps the
 * previous set, so a highlight is not cut short by the next poll.
 */
export function useArrivedCommentIds(
  postId: number,
  commentIds: readonly number[],
): ReadonlySet<number> {
  const known = useRef<{ postId: number; ids: Set<number> } | null>(null);
  const [arrived, setArrived] = useState<ReadonlySet<number>>(() => new Set());

  useEffect(() => {
    const previous = known.current;
    known.current = { postId, ids: new Set(commentIds) };
    if (!previous || previous.postId !== postId) {
      setArrived(new Set());
      return;
    }
    const added = arrivedCommentIds(previous.ids, commentIds);
    if (added.size > 0) setArrived(added);
  }, [postId, commentIds]);

  return arrived;
}
