import { Body, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { type BlockListEntryView } from '@inkwell/contract';
import { ZodPipe } from '../common/validation.js';
import { AllowRoles } from '../auth/admin-access.js';
import { AdminController } from '../auth/admin-controller.decorator.js';
import { parseId } from '../common/ids.js';
import { blockListEntrySchema, type BlockListEntryInput } from './block-list.schemas.js';
import { BlockListService } from './block-list.service.js';

@AdminController('api/admin/blocklist')
@AllowRoles('ADMIN')
export class BlockListController {
  constructor(@Inject(BlockListService) private readonly blockList: BlockListService) {}

  @Get()
  list(): Promise<BlockListEntryView[]> {
    return this.blockList.list();
  }

  @Post()
  add(
    @Body(new ZodPipe(blockListEntrySchema)) entry: BlockListEntryInput,
  ): Promise<BlockListEntryView> {
    return this.blockList.add(entry);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id') id: string): Promise<void> {
    await this.blockList.remove(parseId(id, 'block list entry'));
  }
}
