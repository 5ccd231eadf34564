/** A thing the client named does not exist (or is not public): answered 404. */
export class NotFoundError extends Error {}
