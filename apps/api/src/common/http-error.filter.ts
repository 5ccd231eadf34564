import { type ErrorBody } from '@inkwell/contract';
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { isAssetValidationError } from '@inkwell/assets/thumbnails';
import { isStatementTimeout } from '../database/statement-timeout.js';
import { ApiError } from './api-error.js';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-unavailable.js';

interface ExpressLikeResponse {
  headersSent: boolean;
  setHeader(name: string, value: string): void;
  status(code: number): { json(body: unknown): void };
}

/** Errors thrown by the JSON body parser carry a status and a type. */
interface BodyParserError {
  status?: number;
  type?: string;
}

/**
 * Maps every error to its HTTP answer, in one place: domain errors declare theirs (`ApiError`),
 * the rest is recognised here. Anything unexpected is a logged 500.
 */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof ApiError) return body(error.status, error.message, error.answerFields());
  if (isAssetValidationError(error)) {
    return body(error.status, error.message, { code: error.code });
  }
  if (isStatementTimeout(error)) return statementTimeoutBody();
  // Nest wraps the JSON body parser's errors in an HttpException; the parser's kind is the cause.
  const parserKind = ((error instanceof HttpException ? error.cause : error) as BodyParserError)
    ?.type;
  if (parserKind === 'entity.parse.failed') {
    return body(400, 'The request body is not valid JSON', {
      fields: { body: 'is not valid JSON' },
    });
  }
  if (parserKind === 'entity.too.large') return body(413, 'The request body is too large');
  if (error instanceof HttpException) {
    const response = error.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : String((response as { message?: unknown }).message ?? error.message);
    return body(error.getStatus(), message);
  }
  if (isDatabaseUnavailable(error)) {
    return body(503, 'The database is unavailable; try again in a few seconds');
  }
  return body(500, 'Internal server error');
}

/** Headers that go with an error's answer: where a moved post went, when to retry. */
export function errorHeaders(error: unknown): Record<string, string> {
  if (error instanceof ApiError) return error.answerHeaders();
  if (isStatementTimeout(error)) {
    return { 'Retry-After': String(STATEMENT_TIMEOUT_RETRY_AFTER_SECONDS) };
  }
  if (isDatabaseUnavailable(error)) return { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) };
  return {};
}

/** Seconds a client should wait after a request whose query ran past the statement timeout. */
export const STATEMENT_TIMEOUT_RETRY_AFTER_SECONDS = 2;

/** A query over DATABASE_STATEMENT_TIMEOUT_MS: this request failed, the next one may well not. */
function statementTimeoutBody(): ErrorBody {
  return body(503, 'The database took too long to answer this request; please try again');
}

function body(statusCode: number, message: string, extra: Record<string, unknown> = {}): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, ...extra };
}

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const errorBody = toErrorBody(error);
    if (errorBody.statusCode >= 500) {
      this.logger.error((error as Error)?.stack ?? String(error));
    }
    const response = host.switchToHttp().getResponse<ExpressLikeResponse>();
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(errorHeaders(error))) {
      response.setHeader(name, value);
    }
    response.status(errorBody.statusCode).json(errorBody);
  }
}
