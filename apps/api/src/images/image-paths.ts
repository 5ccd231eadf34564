/** Public URL pattern of a thumbnail, as served by ImagesController. */
export const THUMBNAIL_URL_PATTERN = '/images/{hash}/{width}.{ext}';

/** The URL of an upload's WebP thumbnail at one width (the panel's previews, the site's icons). */
export function thumbnailUrl(hash: string, width: number): string {
  return `/images/${hash}/${width}.webp`;
}

/** A Markdown image that points at an upload: `![alt](/images/<sha256>)`. */
export const UPLOADED_IMAGE_URL = /^\/images\/([a-f0-9]{64})(?:\.[a-z0-9]+)?$/;

/** The upload hashes a post's Markdown refers to, so their sizes can be loaded in one query. */
export function imageHashesIn(markdown: string): string[] {
  return [
    ...new Set([...markdown.matchAll(/\/images\/([a-f0-9]{64})/g)].map((match) => match[1]!)),
  ];
}
