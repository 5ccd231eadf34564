/** A thing the client named does not exist (or is not public): answered 404. */
export class NotFoundError extends Error {}

/** The thing now lives under another slug: answered 301 with its new address. */
export class MovedError extends Error {
  constructor(
    readonly slug: string,
    readonly location: string,
  ) {
    super(`Moved to ${location}`);
  }
}
