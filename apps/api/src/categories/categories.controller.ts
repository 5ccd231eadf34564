import { Controller, Get, Inject } from '@nestjs/common';
import { CategoriesService, type CategoryView } from './categories.service.js';

@Controller('api/categories')
export class CategoriesController {
  constructor(@Inject(CategoriesService) private readonly categories: CategoriesService) {}

  @Get()
  list(): Promise<{ items: CategoryView[] }> {
    return this.categories.listCategories();
  }
}
