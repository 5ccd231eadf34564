/**
 * A domain error that declares its own HTTP answer, so that the one error filter
 * (`http-error.filter.ts`) answers every module's errors without knowing the modules.
 */
export abstract class ApiError extends Error {
  /** The answer's status code. */
  abstract readonly status: number;

  /** Fields of the answer's body beside `statusCode`, `error` and `message`. */
  answerFields(): Record<string, unknown> {
    return {};
  }

  /** Headers of the answer, e.g. `Retry-After`. */
  answerHeaders(): Record<string, string> {
    return {};
  }
}
