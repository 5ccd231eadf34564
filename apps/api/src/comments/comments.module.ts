import { Module } from '@nestjs/common';
import { AdminModule } from '../admin/admin.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { CommentsController } from './comments.controller.js';
import { CommentsService } from './comments.service.js';

/** The public comment form; its moderation gate (rules, block list, rate limit) is the admin's. */
@Module({
  imports: [AdminModule, SettingsModule],
  controllers: [CommentsController],
  providers: [CommentsService],
  exports: [CommentsService],
})
export class CommentsModule {}
