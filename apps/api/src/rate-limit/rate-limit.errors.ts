import { HttpException } from '@nestjs/common';

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
