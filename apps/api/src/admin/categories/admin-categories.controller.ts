import { Body, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { type z } from 'zod';
import {
  type AdminCategoryView,
  type CreateCategoryInput,
  createCategorySchema,
  deleteCategoryQuerySchema,
  mergeCategorySchema,
  type UpdateCategoryInput,
  updateCategorySchema,
} from '@inkwell/contract';
import { ZodPipe } from '../../common/validation.js';
import { AllowRoles } from '../../auth/admin-access.js';
import { AdminController } from '../../auth/admin-controller.decorator.js';
import { parseId } from '../../common/ids.js';
import { AdminCategoriesService } from './admin-categories.service.js';

/** Authors read the list (the post editor's picker); only admins change categories. */
@AdminController('api/admin/categories')
@AllowRoles('ADMIN')
export class AdminCategoriesController {
  constructor(
    @Inject(AdminCategoriesService) private readonly categories: AdminCategoriesService,
  ) {}

  @Get()
  @AllowRoles('ADMIN', 'AUTHOR')
  list(): Promise<AdminCategoryView[]> {
    return this.categories.list();
  }

  @Post()
  create(
    @Body(new ZodPipe(createCategorySchema)) input: CreateCategoryInput,
  ): Promise<AdminCategoryView> {
    return this.categories.create(input);
  }

  @Patch(':id')
  update(
    @Param('id') id: string,
    @Body(new ZodPipe(updateCategorySchema)) input: UpdateCategoryInput,
  ): Promise<AdminCategoryView> {
    return this.categories.update(parseId(id, 'category'), input);
  }

  @Post(':id/merge')
  @HttpCode(200)
  merge(
    @Param('id') id: string,
    @Body(new ZodPipe(mergeCategorySchema)) input: z.output<typeof mergeCategorySchema>,
  ): Promise<AdminCategoryView> {
    return this.categories.merge(parseId(id, 'category'), input.into);
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(
    @Param('id') id: string,
    @Query(new ZodPipe(deleteCategoryQuerySchema, 'query'))
    query: z.output<typeof deleteCategoryQuerySchema>,
  ): Promise<void> {
    await this.categories.delete(parseId(id, 'category'), query.reassignTo);
  }
}
