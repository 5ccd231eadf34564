/** No valid session: answered 401. */
export class UnauthorizedError extends Error {}

/** A session, but not allowed (role, CSRF): answered 403. */
export class ForbiddenError extends Error {}
