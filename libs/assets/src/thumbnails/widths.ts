/** Widths thumbnails are offered at (a module of its own: the browser's <picture> code needs it). */
export const DEFAULT_THUMBNAIL_WIDTHS: readonly number[] = [320, 640, 960, 1280, 1920];
