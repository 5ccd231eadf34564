import { Module } from '@nestjs/common';
import { ModerationModule } from '../moderation/moderation.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { CommentsController } from './comments.controller.js';
import { HeldCommentsController } from './held-comments.controller.js';
import { CommentsService } from './comments.service.js';

/** The public comment form; every comment passes the moderation gate (rules, block list, rate limit). */
@Module({
  imports: [ModerationModule, SettingsModule],
  controllers: [CommentsController, HeldCommentsController],
  providers: [CommentsService],
  exports: [CommentsService],
})
export class CommentsModule {}
