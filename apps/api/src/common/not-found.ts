import { ApiError } from './api-error.js';

/** A thing the client named does not exist (or is not public): answered 404. */
export class NotFoundError extends ApiError {
  readonly status = 404;
}

/** The thing now lives under another slug: answered 301 with its new slug and address. */
export class MovedError extends ApiError {
  readonly status = 301;

  constructor(
    readonly slug: string,
    readonly location: string,
  ) {
    super(`Moved to ${location}`);
  }

  override answerFields(): Record<string, unknown> {
    return { slug: this.slug };
  }

  override answerHeaders(): Record<string, string> {
    return { Location: this.location };
  }
}
