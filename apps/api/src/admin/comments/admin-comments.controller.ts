import { Body, Delete, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { type z } from 'zod';
import {
  type AdminCommentView,
  type BulkCommentsInput,
  bulkCommentsSchema,
  type BulkResult,
  type ListCommentsQuery,
  listCommentsSchema,
  type ModerationStatus,
  replySchema,
} from '@inkwell/contract';
import { ZodPipe } from '../../common/validation.js';
import { AllowRoles } from '../../auth/admin-access.js';
import { CurrentSession } from '../../auth/admin-auth.guard.js';
import { type AdminSession } from '../../auth/auth.service.js';
import { AdminController } from '../../auth/admin-controller.decorator.js';
import { parseId } from '../../common/ids.js';
import { type Page } from '../common/pagination.js';
import { AdminCommentsService } from './admin-comments.service.js';

@AdminController('api/admin/comments')
@AllowRoles('ADMIN')
export class AdminCommentsController {
  constructor(@Inject(AdminCommentsService) private readonly comments: AdminCommentsService) {}

  @Get()
  list(
    @Query(new ZodPipe(listCommentsSchema, 'query')) query: ListCommentsQuery,
  ): Promise<Page<AdminCommentView>> {
    return this.comments.list(query);
  }

  @Get('status')
  status(): Promise<ModerationStatus> {
    return this.comments.status();
  }

  @Post('bulk')
  @HttpCode(200)
  bulk(@Body(new ZodPipe(bulkCommentsSchema)) input: BulkCommentsInput): Promise<BulkResult> {
    return this.comments.bulk(input);
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(@Param('id') id: string): Promise<AdminCommentView> {
    return this.comments.approve(parseId(id, 'comment'));
  }

  @Post(':id/reply')
  reply(
    @Param('id') id: string,
    @Body(new ZodPipe(replySchema)) input: z.output<typeof replySchema>,
    @CurrentSession() session: AdminSession,
  ): Promise<AdminCommentView> {
    return this.comments.reply(parseId(id, 'comment'), input.body, session.user);
  }

  @Post(':id/spam')
  @HttpCode(204)
  async deleteAsSpam(@Param('id') id: string): Promise<void> {
    await this.comments.delete(parseId(id, 'comment'), 'spam');
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(@Param('id') id: string): Promise<void> {
    await this.comments.delete(parseId(id, 'comment'));
  }
}
