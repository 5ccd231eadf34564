import { createReadStream } from 'node:fs';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { parseThumbnailFormat } from './formats.js';
import { type Thumbnail, type ThumbnailQuery } from './thumbnail-service.js';

/** What sending a file needs to know: a thumbnail, or any other immutable generated image. */
export type ServedImage = Pick<Thumbnail, 'path' | 'mime' | 'bytes' | 'etag' | 'cacheControl'>;

/** Response headers for a thumbnail; add `Vary: Accept` when the format came from Accept. */
export function thumbnailHeaders(thumbnail: ServedImage): Record<string, string> {
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

/** The width and format of a thumbnail file name, `<width>.<avif|webp|jpg>`; else `undefined`. */
export function parseThumbnailFile(file: string): ThumbnailQuery | undefined {
  const match = /^(\d{1,5})\.([a-z]{3,4})$/.exec(file);
  const format = match ? parseThumbnailFormat(match[2]!) : undefined;
  return match && format ? { width: Number(match[1]), format } : undefined;
}

/**
 * Sends a thumbnail as a static file server would, with the size its lookup already knows (no
 * second `stat`): its headers, 304 for a matching `If-None-Match`, no body for HEAD. A file
 * gone since the lookup (deleted meanwhile) calls `onGone` while nothing has been sent yet.
 */
export function sendThumbnail(
  request: IncomingMessage,
  response: ServerResponse,
  thumbnail: ServedImage,
  onGone: (error: Error) => void,
): void {
  const headers = thumbnailHeaders(thumbnail);
  const ifNoneMatch = request.headers['if-none-match'];
  if (isNotModified(ifNoneMatch, thumbnail.etag)) {
    const { 'Content-Length': _length, 'Content-Type': _type, ...kept } = headers;
    response.writeHead(304, kept).end();
    return;
  }
  if (request.method === 'HEAD') {
    response.writeHead(200, headers).end();
    return;
  }
  const file = createReadStream(thumbnail.path);
  file.once('open', () => {
    response.writeHead(200, headers);
    file.pipe(response);
  });
  file.once('error', (error) => {
    if (response.headersSent) response.destroy(error);
    else onGone(error);
  });
  // A client leaving early must not leave the file open.
  response.once('close', () => file.destroy());
}
