import { createHash } from 'node:crypto';

/**
 * Bump when the picture's layout, colours or fonts change: every key changes with it, so shared
 * links get the new picture under a new URL instead of an old copy a cache keeps forever.
 */
export const SHARE_IMAGE_RENDERER_VERSION = 1;

/** What a generated share image shows. */
export interface ShareImageText {
  title: string;
  siteName: string;
}

/**
 * The name of the picture of `text`: 16 hex digits of a SHA-256 of everything the picture is
 * made from. The same text always gives the same key, a changed title or site name another.
 */
export function shareImageKey({ title, siteName }: ShareImageText): string {
  return createHash('sha256')
    .update(JSON.stringify([SHARE_IMAGE_RENDERER_VERSION, siteName, title]))
    .digest('hex')
    .slice(0, 16);
}
