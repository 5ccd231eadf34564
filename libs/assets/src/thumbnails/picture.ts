import { THUMBNAIL_EXTENSION, THUMBNAIL_MIME, type ThumbnailFormat } from './formats.js';
import { type ImageSize, thumbnailSize } from './thumbnail-size.js';
import { DEFAULT_THUMBNAIL_WIDTHS } from './widths.js';

export interface PictureImage extends ImageSize {
  hash: string;
}

export interface PictureOptions {
  /**
   * Thumbnail URL with `{hash}`, `{width}` and `{ext}` placeholders,
   * e.g. `/images/{hash}/{width}.{ext}`.
   */
  urlPattern: string;
  /** The `sizes` attribute. Default `100vw`. */
  sizes?: string;
  /** Widths the server offers. Default DEFAULT_THUMBNAIL_WIDTHS. */
  widths?: readonly number[];
  /** `<source>` formats, best first; the `<img>` fallback is always JPEG. Default avif, webp. */
  sourceFormats?: readonly ThumbnailFormat[];
  /** Width of the `<img src>` fallback for browsers without srcset. Default 640 (clamped). */
  fallbackWidth?: number;
}

export interface PictureSource {
  type: string;
  srcset: string;
  sizes: string;
}

export interface PictureData {
  sources: PictureSource[];
  img: { src: string; srcset: string; sizes: string; width: number; height: number };
}

/**
 * Everything a `<picture>` element needs: one `<source>` per modern format and a JPEG `<img>`,
 * with `srcset` candidates at the offered widths the original can fill, and the original's
 * width and height so the browser reserves the space before the image loads.
 */
export function pictureData(image: PictureImage, options: PictureOptions): PictureData {
  const sizes = options.sizes ?? '100vw';
  const candidates = srcsetCandidates(image.width, options.widths ?? DEFAULT_THUMBNAIL_WIDTHS);
  const url = (width: number, format: ThumbnailFormat): string =>
    thumbnailUrl(options.urlPattern, image.hash, width, format);
  const srcset = (format: ThumbnailFormat): string =>
    candidates.map((c) => `${url(c.requestWidth, format)} ${c.width}w`).join(', ');
  const fallback =
    candidates.find((c) => c.width >= Math.min(options.fallbackWidth ?? 640, image.width)) ??
    candidates[candidates.length - 1];
  return {
    sources: (options.sourceFormats ?? ['avif', 'webp']).map((format) => ({
      type: THUMBNAIL_MIME[format],
      srcset: srcset(format),
      sizes,
    })),
    img: {
      src: fallback ? url(fallback.requestWidth, 'jpeg') : '',
      srcset: srcset('jpeg'),
      sizes,
      width: image.width,
      height: image.height,
    },
  };
}

/** Width of the one thumbnail shown away from the site: wide enough for large link cards. */
export const SHARED_PICTURE_WIDTH = 1280;

export interface SharedPicture extends ImageSize {
  /** The thumbnail's URL from `urlPattern`: a path when the pattern is one. */
  url: string;
  type: string;
}

/**
 * The one thumbnail of an image that is shown away from the site (a shared link's card, a feed
 * reader): JPEG, which every reader shows, at SHARED_PICTURE_WIDTH or the original's width.
 */
export function sharedPicture(image: PictureImage, urlPattern: string): SharedPicture {
  return {
    url: thumbnailUrl(urlPattern, image.hash, SHARED_PICTURE_WIDTH, 'jpeg'),
    ...thumbnailSize(image, SHARED_PICTURE_WIDTH),
    type: THUMBNAIL_MIME.jpeg,
  };
}

function thumbnailUrl(
  urlPattern: string,
  hash: string,
  width: number,
  format: ThumbnailFormat,
): string {
  return urlPattern
    .replaceAll('{hash}', hash)
    .replaceAll('{width}', String(width))
    .replaceAll('{ext}', THUMBNAIL_EXTENSION[format]);
}

interface Candidate {
  /** Width put in the URL: one of the offered widths. */
  requestWidth: number;
  /** Width the server answers with (the original's, when the request is larger). */
  width: number;
}

/**
 * Offered widths below the original's, plus the smallest offered width at or above it, which
 * the server clamps to the original width: so the full original size is offered exactly once.
 */
function srcsetCandidates(originalWidth: number, widths: readonly number[]): Candidate[] {
  const sorted = [...widths].sort((a, b) => a - b);
  const smaller = sorted.filter((width) => width < originalWidth);
  const candidates = smaller.map((width) => ({ requestWidth: width, width }));
  const covering = sorted.find((width) => width >= originalWidth);
  if (covering !== undefined) candidates.push({ requestWidth: covering, width: originalWidth });
  return candidates;
}
