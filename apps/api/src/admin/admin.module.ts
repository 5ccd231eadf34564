import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { AdminPostsController } from './posts/admin-posts.controller.js';
import { AdminPostsService } from './posts/admin-posts.service.js';

/** The admin panel's API under /api/admin: every controller is behind AdminAuthGuard. */
@Module({
  imports: [AuthModule],
  controllers: [AdminPostsController],
  providers: [AdminPostsService],
})
export class AdminModule {}
