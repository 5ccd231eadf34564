import { ApiError } from '../common/api-error.js';

/** No valid session: answered 401. */
export class UnauthorizedError extends ApiError {
  readonly status = 401;
}

/** A session, but not allowed (role, CSRF): answered 403. */
export class ForbiddenError extends ApiError {
  readonly status = 403;
}
