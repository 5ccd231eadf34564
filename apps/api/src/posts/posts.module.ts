import { Module } from '@nestjs/common';
import { PostPreviewController } from './post-preview.controller.js';
import { PostPreviewService } from './post-preview.service.js';
import { PostsController } from './posts.controller.js';
import { RedirectsController } from './redirects.controller.js';
import { PostsService } from './posts.service.js';

@Module({
  controllers: [PostsController, RedirectsController, PostPreviewController],
  providers: [PostsService, PostPreviewService],
  exports: [PostsService],
})
export class PostsModule {}
