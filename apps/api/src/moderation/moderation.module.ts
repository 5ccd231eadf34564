import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { RateLimitModule } from '../rate-limit/rate-limit.module.js';
import { BlockListController } from './block-list.controller.js';
import { BlockListService } from './block-list.service.js';
import { CommentGate } from './comment-gate.service.js';
import { SpamFilter } from './spam-filter.service.js';

/**
 * Comment moderation: the content rules, the block list (kept by admins under
 * /api/admin/block-list), the spam filter learned from moderation, and the gate every public
 * comment passes (rules, block list, per-IP limit, spam score).
 */
@Module({
  imports: [AuthModule, RateLimitModule],
  controllers: [BlockListController],
  providers: [BlockListService, CommentGate, SpamFilter],
  exports: [CommentGate, SpamFilter],
})
export class ModerationModule {}
