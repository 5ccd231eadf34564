import { Body, Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import {
  type CreatedComment,
  type NewComment,
  newCommentSchema,
  SLUG_PATTERN,
} from '@inkwell/contract';
import { NotFoundError } from '../common/not-found.js';
import { ZodPipe } from '../common/validation.js';
import { CommentsService } from './comments.service.js';

interface RequestLike {
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}

@Controller('api/posts/:slug/comments')
export class CommentsController {
  constructor(@Inject(CommentsService) private readonly comments: CommentsService) {}

  @Post()
  @HttpCode(201)
  create(
    @Param('slug') slug: string,
    @Body(new ZodPipe(newCommentSchema)) input: NewComment,
    @Req() request: RequestLike,
  ): Promise<CreatedComment> {
    if (!SLUG_PATTERN.test(slug))
      throw new NotFoundError(`No published post has the slug "${slug.slice(0, 200)}"`);
    const userAgent = request.headers['user-agent'];
    return this.comments.createComment(slug, input, {
      ipAddress: request.ip ?? null,
      userAgent: typeof userAgent === 'string' ? userAgent : null,
    });
  }
}
