import { BadRequestException } from '@nestjs/common';
import { AssetValidationError } from '@inkwell/assets/thumbnails';
import { describe, expect, test } from 'vitest';
import { ForbiddenError, UnauthorizedError } from '../auth/auth.errors.js';
import { TooManyRequestsError } from '../rate-limit/rate-limit.errors.js';
import { ConflictError } from './conflict.js';
import { errorHeaders, toErrorBody } from './http-error.filter.js';
import { MovedError, NotFoundError } from './not-found.js';
import { ValidationError } from './validation.js';

// Every route, public or admin, answers an error the same way: these are the answers' exact
// bodies and headers (the JSON text keeps this key order).
describe('one answer per error, whichever module throws it', () => {
  test.each([
    [
      'validation',
      new ValidationError({ title: 'must not be empty' }),
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'title must not be empty',
        fields: { title: 'must not be empty' },
      },
      {},
    ],
    [
      'not found',
      new NotFoundError('No post "x"'),
      { statusCode: 404, error: 'Not Found', message: 'No post "x"' },
      {},
    ],
    [
      'moved',
      new MovedError('new-slug', '/api/posts/new-slug'),
      {
        statusCode: 301,
        error: 'Moved Permanently',
        message: 'Moved to /api/posts/new-slug',
        slug: 'new-slug',
      },
      { Location: '/api/posts/new-slug' },
    ],
    [
      'conflict',
      new ConflictError('slug is taken', { fields: { slug: 'is taken' } }),
      {
        statusCode: 409,
        error: 'Conflict',
        message: 'slug is taken',
        fields: { slug: 'is taken' },
      },
      {},
    ],
    [
      'no session',
      new UnauthorizedError('Sign in first'),
      { statusCode: 401, error: 'Unauthorized', message: 'Sign in first' },
      {},
    ],
    [
      'not allowed',
      new ForbiddenError('Admins only'),
      { statusCode: 403, error: 'Forbidden', message: 'Admins only' },
      {},
    ],
    [
      'rate limited',
      new TooManyRequestsError('Try again in 2 minutes.', 120),
      { statusCode: 429, error: 'Too Many Requests', message: 'Try again in 2 minutes.' },
      { 'Retry-After': '120' },
    ],
    [
      'bad image',
      new AssetValidationError('not-an-image', 'Not an image.'),
      {
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: 'Not an image.',
        code: 'not-an-image',
      },
      {},
    ],
    [
      "Nest's own",
      new BadRequestException('Unexpected field'),
      { statusCode: 400, error: 'Bad Request', message: 'Unexpected field' },
      {},
    ],
    [
      'unexpected',
      new Error('boom'),
      { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' },
      {},
    ],
  ])('%s', (_kind, error, body, headers) => {
    expect(JSON.stringify(toErrorBody(error))).toBe(JSON.stringify(body));
    expect(errorHeaders(error)).toEqual(headers);
  });
});
