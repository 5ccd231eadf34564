import { Controller, Get, Inject } from '@nestjs/common';
import { cachePublicRead, type PublicJson } from '../http-cache/public-json.js';
import { PublicRead } from '../http-cache/public-read.js';
import { CATEGORIES_TAG, CATEGORIES_TTL_SECONDS } from '../posts/post-cache-tags.js';
import { CategoriesService } from './categories.service.js';

@Controller('api/categories')
export class CategoriesController {
  private readonly listing: () => Promise<PublicJson>;

  constructor(@Inject(CategoriesService) categories: CategoriesService) {
    this.listing = cachePublicRead(
      CATEGORIES_TTL_SECONDS,
      { prefix: 'categories.list', tags: () => [CATEGORIES_TAG] },
      () => categories.listCategories(),
    );
  }

  @Get()
  @PublicRead()
  list(): Promise<PublicJson> {
    return this.listing();
  }
}
