import { HttpException } from '@nestjs/common';

/** No valid session: answered 401. */
export class UnauthorizedError extends Error {}

/** A session, but not allowed (role, CSRF): answered 403. */
export class ForbiddenError extends Error {}

/**
 * Rate limited: answered 429 with `Retry-After`. An HttpException, so that outside the admin
 * routes (the public comment form) the shared error filter still answers 429 with the message.
 */
export class TooManyRequestsError extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, 429);
  }
}
