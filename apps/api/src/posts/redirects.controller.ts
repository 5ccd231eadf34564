import { Controller, Get, Inject, Query } from '@nestjs/common';
import { type RedirectQuery, redirectQuerySchema } from '@inkwell/contract';
import { type PrismaClient } from '@inkwell/prisma';
import { MovedError, NotFoundError } from '../common/not-found.js';
import { ZodPipe } from '../common/validation.js';
import { PRISMA } from '../core/tokens.js';
import { findPathRedirect } from './path-redirects.js';

/**
 * Old addresses of imported posts (`/2019/03/04/hello/`, `/?p=12`): the site asks here for a path
 * no route of its own claims, and passes the 301 on. Not cached: an unpublished post stops
 * redirecting at once.
 */
@Controller('api/redirects')
export class RedirectsController {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  @Get()
  async find(
    @Query(new ZodPipe(redirectQuerySchema, 'query')) query: RedirectQuery,
  ): Promise<never> {
    const slug = await findPathRedirect(this.prisma, query.path);
    if (slug) throw new MovedError(slug, `/api/posts/${slug}`);
    throw new NotFoundError(`No published post had the address ${query.path}`);
  }
}
