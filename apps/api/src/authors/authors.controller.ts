import { Controller, Get, Inject, Param } from '@nestjs/common';
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from '@inkwell/contract';
import { NotFoundError } from '../common/not-found.js';
import { cachePublicRead, type PublicJson } from '../http-cache/public-json.js';
import { PublicRead } from '../http-cache/public-read.js';
import {
  ALL_POSTS_LISTING_TAG,
  authorTag,
  AUTHORS_TAG,
  LISTING_TTL_SECONDS,
} from '../posts/post-cache-tags.js';
import { AuthorsService } from './authors.service.js';

@Controller('api/authors')
export class AuthorsController {
  private readonly detail: (slug: string) => Promise<PublicJson>;

  constructor(@Inject(AuthorsService) authors: AuthorsService) {
    // The post count changes with any publication, as the unfiltered listing does.
    this.detail = cachePublicRead(
      LISTING_TTL_SECONDS,
      {
        prefix: 'authors.detail',
        tags: (slug: string) => [authorTag(slug), AUTHORS_TAG, ALL_POSTS_LISTING_TAG],
      },
      (slug: string) => authors.get(slug),
    );
  }

  @Get(':slug')
  @PublicRead()
  get(@Param('slug') slug: string): Promise<PublicJson> {
    if (!SLUG_PATTERN.test(slug) || slug.length > MAX_SLUG_LENGTH) {
      throw new NotFoundError(`No author has the slug "${slug.slice(0, 200)}"`);
    }
    return this.detail(slug);
  }
}
