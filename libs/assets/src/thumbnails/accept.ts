import { THUMBNAIL_FORMATS, THUMBNAIL_MIME, type ThumbnailFormat } from './formats.js';

/**
 * Best thumbnail format a client accepts: AVIF, then WebP, then JPEG, which every browser
 * decodes, so it is the answer to a missing or unhelpful Accept header. Wildcards do not count
 * as asking for AVIF or WebP (browsers send `image/*` without decoding them all); `q=0` refuses.
 * A response negotiated this way must carry `Vary: Accept`.
 */
export function pickThumbnailFormat(accept: string | undefined): ThumbnailFormat {
  const accepted = acceptedMimeTypes(accept ?? '');
  return THUMBNAIL_FORMATS.find((format) => accepted.has(THUMBNAIL_MIME[format])) ?? 'jpeg';
}

function acceptedMimeTypes(accept: string): Set<string> {
  const accepted = new Set<string>();
  for (const range of accept.split(',')) {
    const [type = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    if (q !== undefined && Number(q.slice(2)) === 0) continue;
    if (type) accepted.add(type);
  }
  return accepted;
}
