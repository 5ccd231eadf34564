import { invalidateTags } from '@inkwell/cache';
import { type CachePurger } from '../http-cache/cache-purger.js';

/** How a subscriber drops the cached reads a write made stale. */
export type DropTags = (tags: readonly string[]) => Promise<void>;

/**
 * Drops the tags from the API's own cache, then asks the CDN to drop the pages and reads that
 * carry them: in this order, so a CDN refetching at once already gets the new answer. The purge
 * runs in the background and never fails the write.
 */
export function dropTagsEverywhere(purger: CachePurger): DropTags {
  return async (tags) => {
    await invalidateTags(tags);
    purger.purge(tags);
  };
}
