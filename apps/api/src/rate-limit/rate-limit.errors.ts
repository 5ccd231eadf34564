import { ApiError } from '../common/api-error.js';

/** Rate limited: answered 429, with `Retry-After` naming the wait. */
export class TooManyRequestsError extends ApiError {
  readonly status = 429;

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }

  override answerHeaders(): Record<string, string> {
    return { 'Retry-After': String(this.retryAfterSeconds) };
  }
}
