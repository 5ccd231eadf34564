import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { isAssetValidationError } from '@inkwell/assets/thumbnails';
import { errorHeaders, toErrorBody } from '../../common/http-error.filter.js';
import { ForbiddenError, UnauthorizedError } from '../../auth/auth.errors.js';
import { TooManyRequestsError } from '../../rate-limit/rate-limit.errors.js';
import { ConflictError } from '../../common/conflict.js';

interface ResponseLike {
  headersSent: boolean;
  setHeader(name: string, value: string): void;
  status(code: number): { json(body: unknown): void };
}

function answer(statusCode: number, message: string, extra: Record<string, unknown> = {}) {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, ...extra };
}

/** The admin routes' errors on top of the shared mapping (`toErrorBody`), in one place. */
export function toAdminErrorBody(error: unknown): { statusCode: number } & Record<string, unknown> {
  if (error instanceof UnauthorizedError) return answer(401, error.message);
  if (error instanceof ForbiddenError) return answer(403, error.message);
  if (error instanceof TooManyRequestsError) return answer(429, error.message);
  if (error instanceof ConflictError) return answer(409, error.message, error.details);
  if (isAssetValidationError(error)) {
    return answer(error.status, error.message, { code: error.code });
  }
  return { ...toErrorBody(error) };
}

@Catch()
export class AdminErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('AdminErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const body = toAdminErrorBody(error);
    if (body.statusCode >= 500) this.logger.error((error as Error)?.stack ?? String(error));
    const response = host.switchToHttp().getResponse<ResponseLike>();
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(errorHeaders(error))) {
      response.setHeader(name, value);
    }
    response.status(body.statusCode).json(body);
  }
}
