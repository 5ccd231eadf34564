import { Controller, Get, Header, Inject, Param } from '@nestjs/common';
import { type PostPreviewView } from '@inkwell/contract';
import { PostPreviewService } from './post-preview.service.js';

/**
 * A draft shown through its secret link. Like every non-public API answer it is
 * `private, no-store`; search engines are told to keep it out of their index.
 */
@Controller('api/preview')
export class PostPreviewController {
  constructor(@Inject(PostPreviewService) private readonly previews: PostPreviewService) {}

  @Get(':token')
  @Header('X-Robots-Tag', 'noindex, nofollow')
  @Header('Cache-Control', 'private, no-store')
  preview(@Param('token') token: string): Promise<PostPreviewView> {
    return this.previews.preview(token);
  }
}
