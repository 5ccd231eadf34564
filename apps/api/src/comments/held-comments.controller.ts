import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { type HeldCommentList, type HeldCommentsQuery, heldCommentsQuery } from '@inkwell/contract';
import { ZodPipe } from '../common/validation.js';
import { CommentsService } from './comments.service.js';

/**
 * A visitor's own held comments, for the site to show them while they wait. A POST: the keys
 * stay out of URLs and logs, and no cache keeps the answer.
 */
@Controller('api/comments/held')
export class HeldCommentsController {
  constructor(@Inject(CommentsService) private readonly comments: CommentsService) {}

  @Post()
  @HttpCode(200)
  async list(
    @Body(new ZodPipe(heldCommentsQuery)) query: HeldCommentsQuery,
  ): Promise<HeldCommentList> {
    return { items: await this.comments.heldComments(query) };
  }
}
