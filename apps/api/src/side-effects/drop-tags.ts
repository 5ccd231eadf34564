import { invalidateTags } from '@inkwell/cache';
import { type CachePurger } from '../http-cache/cache-purger.js';
import { type DroppedTagsFeed } from '../http-cache/dropped-tags-feed.js';

/** How a subscriber drops the cached reads a write made stale. */
export type DropTags = (tags: readonly string[]) => Promise<void>;

/**
 * Drops the tags from the API's own cache, then tells every site process (which drop the pages
 * that carry them, before the write answers: side effects run before it), then asks the CDN to
 * drop its copies: in this order, so each layer refetching at once gets the new answer from the
 * one below. The purge runs in the background; nothing here fails the write.
 */
export function dropTagsEverywhere(purger: CachePurger, feed: DroppedTagsFeed): DropTags {
  return async (tags) => {
    await invalidateTags(tags);
    await feed.publish(tags);
    purger.purge(tags);
  };
}
