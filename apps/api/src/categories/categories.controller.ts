import { Controller, Get, Inject } from '@nestjs/common';
import { type CategoryView } from '@inkwell/contract';
import { PublicRead } from '../http-cache/public-read.js';
import { CATEGORIES_TAG } from '../posts/post-cache-tags.js';
import { CategoriesService } from './categories.service.js';

@Controller('api/categories')
export class CategoriesController {
  constructor(@Inject(CategoriesService) private readonly categories: CategoriesService) {}

  @Get()
  @PublicRead(() => [CATEGORIES_TAG])
  list(): Promise<{ items: CategoryView[] }> {
    return this.categories.listCategories();
  }
}
