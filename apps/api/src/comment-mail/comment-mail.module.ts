import { Module } from '@nestjs/common';
import { CommentEmails } from './comment-emails.service.js';
import { UnsubscribeController } from './unsubscribe.controller.js';
import { UnsubscribeService } from './unsubscribe.service.js';

/**
 * Emails about comments (SMTP_URL): to the post's author when a comment awaits moderation, to a
 * commenter who asked for it when someone replies; and the unsubscribe link of the latter. The
 * sending is a side effect of the comment's events (side-effects/comment-email-notices.ts).
 */
@Module({
  controllers: [UnsubscribeController],
  providers: [CommentEmails, UnsubscribeService],
  exports: [CommentEmails],
})
export class CommentMailModule {}
