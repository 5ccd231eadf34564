import { Module } from '@nestjs/common';
import { PostsController } from './posts.controller.js';
import { RedirectsController } from './redirects.controller.js';
import { PostsService } from './posts.service.js';

@Module({
  controllers: [PostsController, RedirectsController],
  providers: [PostsService],
  exports: [PostsService],
})
export class PostsModule {}
