import { Inject, Injectable } from '@nestjs/common';
import { ValidationError } from '../common/validation.js';
import { type CommentSender, screenComment, type ScreeningOutcome } from './moderation-rules.js';
import { limitedAddress } from '../rate-limit/client-address.js';
import { type CounterStore } from '../rate-limit/counter-store.js';
import { consume, type RateLimitPolicy } from '../rate-limit/rate-limit.js';
import { RATE_LIMIT_STORE } from '../rate-limit/tokens.js';
import { BlockListService } from './block-list.service.js';
import { SpamFilter } from './spam-filter.service.js';

export const commentsPerIp: RateLimitPolicy = {
  name: 'comments-ip',
  limit: 5,
  windowMs: 10 * 60_000,
  describe: (wait) => `You are commenting too often. Try again in ${wait}.`,
};

export interface IncomingComment extends CommentSender {
  /** The hidden honeypot field of the form. */
  website?: string | null;
  /** When the form was rendered (ms since the epoch), sent back by the web form. */
  renderedAt?: number | null;
  hasApprovedCommentBefore: boolean;
}

/** Neutral on purpose: a spammer learns nothing about which rule matched. */
export const REJECTED_COMMENT_MESSAGE = 'could not be accepted';

/**
 * The public comment form's gate: honeypot, block list, per-IP rate limit, the content
 * rules, then the spam score learned from the admins' moderation (spam-classifier.ts). Answers `publish`, `hold` or `discard` (store nothing, answer like `hold`); throws
 * a 400 for a blocked sender and a 429 (TooManyRequestsError, with retryAfterSeconds) when the
 * IP has posted too often.
 */
@Injectable()
export class CommentGate {
  constructor(
    @Inject(BlockListService) private readonly blockList: BlockListService,
    @Inject(RATE_LIMIT_STORE) private readonly counters: CounterStore,
    @Inject(SpamFilter) private readonly spamFilter: SpamFilter,
  ) {}

  async screen(comment: IncomingComment, now: number = Date.now()): Promise<ScreeningOutcome> {
    const outcome = screenComment({ ...comment, now, blockList: await this.blockList.rules() });
    if (outcome.action === 'discard') return outcome;
    if (outcome.action === 'reject')
      throw new ValidationError({ comment: REJECTED_COMMENT_MESSAGE });
    if (comment.ipAddress)
      await consume(this.counters, commentsPerIp, limitedAddress(comment.ipAddress));
    // The learned score only ever holds what the rules would publish.
    if (outcome.action === 'publish' && (await this.spamFilter.assess(comment)).spam)
      return { action: 'hold', reason: 'likely-spam' };
    return outcome;
  }
}
