import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CommentMailModule } from '../comment-mail/comment-mail.module.js';
import { ModerationModule } from '../moderation/moderation.module.js';
import { RateLimitModule } from '../rate-limit/rate-limit.module.js';
import { AccountController } from './account/account.controller.js';
import { AccountService } from './account/account.service.js';
import { ProfileService } from './account/profile.service.js';
import { AdminCategoriesController } from './categories/admin-categories.controller.js';
import { AdminCategoriesService } from './categories/admin-categories.service.js';
import { AdminCommentsController } from './comments/admin-comments.controller.js';
import { AdminCommentsService } from './comments/admin-comments.service.js';
import { AdminImagesController } from './images/admin-images.controller.js';
import { AdminImagesService } from './images/admin-images.service.js';
import { AdminPostsController } from './posts/admin-posts.controller.js';
import { AdminPostsService } from './posts/admin-posts.service.js';
import { PreviewLinksController } from './posts/preview-links.controller.js';
import { PreviewLinksService } from './posts/preview-links.service.js';
import { AdminSeriesController } from './series/admin-series.controller.js';
import { AdminSeriesService } from './series/admin-series.service.js';
import { AdminUsersController } from './users/admin-users.controller.js';
import { AdminUsersService } from './users/admin-users.service.js';

/**
 * The admin panel's API under /api/admin: every controller is behind AdminAuthGuard.
 * Exports the post and category services for the first-run setup (which removes the demo
 * content as the panel would).
 */
@Module({
  imports: [AuthModule, RateLimitModule, ModerationModule, CommentMailModule],
  controllers: [
    AdminPostsController,
    PreviewLinksController,
    AdminCategoriesController,
    AdminSeriesController,
    AdminCommentsController,
    AdminImagesController,
    AdminUsersController,
    AccountController,
  ],
  providers: [
    AdminPostsService,
    PreviewLinksService,
    AdminCategoriesService,
    AdminSeriesService,
    AdminCommentsService,
    AdminImagesService,
    AdminUsersService,
    AccountService,
    ProfileService,
  ],
  exports: [AdminPostsService, AdminCategoriesService],
})
export class AdminModule {}
