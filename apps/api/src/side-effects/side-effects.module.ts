import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { CommentEmails } from '../comment-mail/comment-emails.service.js';
import { CommentMailModule } from '../comment-mail/comment-mail.module.js';
import { type PrismaClient } from '@inkwell/prisma';
import { type RealtimeServer } from '@inkwell/realtime';
import { type SearchEngine } from '@inkwell/search';
import {
  CACHE_PURGER,
  DROPPED_TAGS_FEED,
  PRISMA,
  REALTIME,
  SEARCH_ENGINE,
} from '../core/tokens.js';
import { DomainEvents } from '../events/domain-events.js';
import { Outbox } from '../events/outbox.js';
import { type CachePurger } from '../http-cache/cache-purger.js';
import { type DroppedTagsFeed } from '../http-cache/dropped-tags-feed.js';
import { invalidatePostCaches } from './cache-invalidation.js';
import { sendCommentEmails } from './comment-email-notices.js';
import { dropTagsEverywhere } from './drop-tags.js';
import { sendRealtimeHints } from './realtime-hints.js';
import { announceScheduledPosts } from './scheduled-publication.js';
import { indexForSearch } from './search-indexing.js';
import { invalidateSettingsCaches } from './settings-cache-invalidation.js';

/**
 * Every side effect of a write, subscribed in one place (like Django signals), in the order they
 * run: caches first (the API's own, the sites' pages, then the CDN's through the purge hook), then the search
 * index (which drops cached search results once written), then the hint that makes readers
 * refetch. Scheduled posts are announced when their date comes; emails about comments go out in
 * the background. The outbox (events/outbox.ts)
 * runs them at least once; each reloads current state, so replays converge.
 */
@Module({ imports: [CommentMailModule] })
export class SideEffectsModule implements OnModuleInit {
  constructor(
    @Inject(DomainEvents) private readonly events: DomainEvents,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(REALTIME) private readonly realtime: RealtimeServer,
    @Inject(SEARCH_ENGINE) private readonly search: SearchEngine,
    @Inject(CACHE_PURGER) private readonly purger: CachePurger,
    @Inject(DROPPED_TAGS_FEED) private readonly droppedTags: DroppedTagsFeed,
    @Inject(Outbox) private readonly outbox: Outbox,
    @Inject(CommentEmails) private readonly commentEmails: CommentEmails,
  ) {}

  onModuleInit(): void {
    const dropTags = dropTagsEverywhere(this.purger, this.droppedTags);
    invalidatePostCaches(this.events, this.prisma, dropTags);
    invalidateSettingsCaches(this.events, dropTags);
    indexForSearch(this.events, this.prisma, this.search, dropTags);
    sendRealtimeHints(this.events, this.prisma, this.realtime);
    announceScheduledPosts(this.events, this.outbox);
    sendCommentEmails(this.events, this.prisma, this.outbox, this.commentEmails);
  }
}
