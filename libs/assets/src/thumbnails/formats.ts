/** Formats an author may upload, keyed by the name sharp's metadata reports. */
export const UPLOAD_FORMATS = {
  jpeg: { mime: 'image/jpeg', extension: 'jpg' },
  png: { mime: 'image/png', extension: 'png' },
  webp: { mime: 'image/webp', extension: 'webp' },
  gif: { mime: 'image/gif', extension: 'gif' },
  // sharp reports AVIF (and HEIC) as 'heif'; the compression field tells them apart.
  avif: { mime: 'image/avif', extension: 'avif' },
} as const;

export type UploadFormat = keyof typeof UPLOAD_FORMATS;
export type UploadMime = (typeof UPLOAD_FORMATS)[UploadFormat]['mime'];

/** Formats thumbnails are made in, best compression first. */
export const THUMBNAIL_FORMATS = ['avif', 'webp', 'jpeg'] as const;
export type ThumbnailFormat = (typeof THUMBNAIL_FORMATS)[number];

export const THUMBNAIL_MIME: Record<ThumbnailFormat, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
};

export const THUMBNAIL_EXTENSION: Record<ThumbnailFormat, string> = {
  avif: 'avif',
  webp: 'webp',
  jpeg: 'jpg',
};

export function isThumbnailFormat(value: string): value is ThumbnailFormat {
  return (THUMBNAIL_FORMATS as readonly string[]).includes(value);
}

/** Accepts a format name or its file extension (`jpg`), as found in a thumbnail URL. */
export function parseThumbnailFormat(value: string): ThumbnailFormat | undefined {
  if (value === 'jpg') return 'jpeg';
  return isThumbnailFormat(value) ? value : undefined;
}
