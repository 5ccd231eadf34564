import { type Thumbnail } from './thumbnail-service.js';

/** Response headers for a thumbnail; add `Vary: Accept` when the format came from Accept. */
export function thumbnailHeaders(thumbnail: Thumbnail): Record<string, string> {
  return {
    'Content-Type': thumbnail.mime,
    'Content-Length': String(thumbnail.bytes),
    'Cache-Control': thumbnail.cacheControl,
    ETag: thumbnail.etag,
  };
}

/** True when the client's `If-None-Match` already names this ETag: answer 304 with no body. */
export function isNotModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}
