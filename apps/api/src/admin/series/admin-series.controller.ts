import { Body, Get, Inject, Param, Patch, Post } from '@nestjs/common';
import {
  type AdminSeriesView,
  type CreateSeriesInput,
  createSeriesSchema,
  type UpdateSeriesInput,
  updateSeriesSchema,
} from '@inkwell/contract';
import { AllowRoles } from '../../auth/admin-access.js';
import { AdminController } from '../../auth/admin-controller.decorator.js';
import { parseId } from '../../common/ids.js';
import { ZodPipe } from '../../common/validation.js';
import { AdminSeriesService } from './admin-series.service.js';

/** Authors list series and start them from the post editor; only admins rename them. */
@AdminController('api/admin/series')
@AllowRoles('ADMIN')
export class AdminSeriesController {
  constructor(@Inject(AdminSeriesService) private readonly series: AdminSeriesService) {}

  @Get()
  @AllowRoles('ADMIN', 'AUTHOR')
  list(): Promise<AdminSeriesView[]> {
    return this.series.list();
  }

  @Post()
  @AllowRoles('ADMIN', 'AUTHOR')
  create(
    @Body(new ZodPipe(createSeriesSchema)) input: CreateSeriesInput,
  ): Promise<AdminSeriesView> {
    return this.series.create(input);
  }

  @Patch(':id')
  update(
    @Param('id') id: string,
    @Body(new ZodPipe(updateSeriesSchema)) input: UpdateSeriesInput,
  ): Promise<AdminSeriesView> {
    return this.series.update(parseId(id, 'series'), input);
  }
}
