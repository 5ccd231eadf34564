/** The form field carrying the session's CSRF token (forwarded as X-CSRF-Token). */
export const CSRF_FIELD = 'csrf';
