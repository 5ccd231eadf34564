import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { type PrismaClient } from '@inkwell/prisma';
import { type RealtimeServer } from '@inkwell/realtime';
import { type SearchEngine } from '@inkwell/search';
import { PRISMA, REALTIME, SEARCH_ENGINE } from '../core/tokens.js';
import { DomainEvents } from '../events/domain-events.js';
import { Outbox } from '../events/outbox.js';
import { invalidatePostCaches } from './cache-invalidation.js';
import { sendRealtimeHints } from './realtime-hints.js';
import { announceScheduledPosts } from './scheduled-publication.js';
import { indexForSearch } from './search-indexing.js';
import { invalidateSettingsCaches } from './settings-cache-invalidation.js';

/**
 * Every side effect of a write, subscribed in one place (like Django signals), in the order they
 * run: caches first, then the search index (which drops cached search results once written), then
 * the hint that makes readers refetch. Scheduled posts are announced when their date comes. The
 * outbox (events/outbox.ts) runs them at least once; each reloads current state, so replays converge.
 */
@Module({})
export class SideEffectsModule implements OnModuleInit {
  constructor(
    @Inject(DomainEvents) private readonly events: DomainEvents,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(REALTIME) private readonly realtime: RealtimeServer,
    @Inject(SEARCH_ENGINE) private readonly search: SearchEngine,
    @Inject(Outbox) private readonly outbox: Outbox,
  ) {}

  onModuleInit(): void {
    invalidatePostCaches(this.events, this.prisma);
    invalidateSettingsCaches(this.events);
    indexForSearch(this.events, this.prisma, this.search);
    sendRealtimeHints(this.events, this.prisma, this.realtime);
    announceScheduledPosts(this.events, this.outbox);
  }
}
