import { Controller, Get, Inject, Param } from '@nestjs/common';
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from '@inkwell/contract';
import { NotFoundError } from '../common/not-found.js';
import { cachePublicRead, type PublicJson } from '../http-cache/public-json.js';
import { PublicRead } from '../http-cache/public-read.js';
import { PAGES_TAG, pageTag, POST_TTL_SECONDS } from '../posts/post-cache-tags.js';
import { PagesService } from './pages.service.js';

@Controller('api/pages')
export class PagesController {
  private readonly navigation: () => Promise<PublicJson>;
  private readonly detail: (slug: string) => Promise<PublicJson>;

  constructor(@Inject(PagesService) pages: PagesService) {
    this.navigation = cachePublicRead(
      POST_TTL_SECONDS,
      { prefix: 'pages.list', tags: () => [PAGES_TAG] },
      () => pages.list(),
    );
    this.detail = cachePublicRead(
      POST_TTL_SECONDS,
      { prefix: 'pages.detail', tags: (slug: string) => [pageTag(slug)] },
      (slug: string) => pages.get(slug),
    );
  }

  @Get()
  @PublicRead()
  list(): Promise<PublicJson> {
    return this.navigation();
  }

  @Get(':slug')
  @PublicRead()
  get(@Param('slug') slug: string): Promise<PublicJson> {
    if (!SLUG_PATTERN.test(slug) || slug.length > MAX_SLUG_LENGTH) {
      throw new NotFoundError(`No published page has the slug "${slug.slice(0, 200)}"`);
    }
    return this.detail(slug);
  }
}
