import { z } from 'zod';
import { isoDateTime, paginationFields, personRef } from './fields.js';

export const listImagesSchema = z.object(paginationFields(50));
export type ListImagesQuery = z.output<typeof listImagesSchema>;

/** POST /api/admin/images: multipart/form-data with one file in the field `file`. */
export const imageUpload = z.object({ file: z.file() });

export const adminImageView = z.object({
  id: z.number().int(),
  hash: z.string(),
  filename: z.string(),
  mime: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  createdAt: isoDateTime,
  url: z.string(),
  /** Thumbnail URLs by width. */
  urls: z.record(z.string(), z.string()),
  /** What to paste into a post: the site turns `/images/<hash>` into a responsive <picture>. */
  markdown: z.string(),
  /** Null for images uploaded before uploads were recorded, or whose uploader was deleted. */
  uploadedBy: personRef.nullable(),
  /** Whether the caller may delete it (authors: their own uploads only). */
  canDelete: z.boolean(),
});
export type AdminImageView = z.infer<typeof adminImageView>;

export const thumbnailParams = z.object({
  hash: z.string(),
  /** `<width>.<avif|webp|jpg>` */
  file: z.string().regex(/^\d{1,5}\.(avif|webp|jpg)$/),
});

/** A generated share image: `/images/og/<post slug>/<key>.png`. */
export const shareImageParams = z.object({
  slug: z.string(),
  /** `<key>.png`: the key names the title, the site's name and the renderer's version. */
  file: z.string().regex(/^[a-f0-9]{16}\.png$/),
});
