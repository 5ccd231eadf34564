import { type AdminImageView } from '@inkwell/contract';

/** What the images page's action answers; the editor's upload fetcher reads it too. */
export type ImageActionResult =
  | { kind: 'error'; message: string }
  | { kind: 'deleted' }
  | { kind: 'uploaded'; image: AdminImageView };

/** The editor's upload fetcher: the cover field offers what it just uploaded. */
export const EDITOR_UPLOAD_FETCHER = 'editor-image-upload';

/** The multipart body POST /api/admin/images takes: one file in the field `file`. */
export function imageUpload(file: File): FormData {
  const form = new FormData();
  form.set('file', file, file.name);
  return form;
}

/**
 * The images listed with this page's uploads first (newest first), each once: uploading the same
 * bytes again answers the image already stored.
 */
export function imagesWithUploads(
  images: readonly AdminImageView[],
  uploads: readonly AdminImageView[],
): AdminImageView[] {
  const seen = new Set<number>();
  return [...uploads, ...images].filter((image) => !seen.has(image.id) && seen.add(image.id));
}
