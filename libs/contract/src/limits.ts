/*
 * Limits the admin panel's browser code shows in its forms: plain numbers, kept apart from the
 * schemas so a page that needs one does not ship zod (whose start-up probes `new Function`, which
 * the site's Content-Security-Policy refuses).
 */

/** Highest part number a post can have in a series. */
export const MAX_SERIES_PART = 999;

/** Longest text alternative of a post's cover image. */
export const MAX_COVER_ALT_LENGTH = 300;
