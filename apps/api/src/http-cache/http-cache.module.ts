import { Global, Inject, Logger, Module, type BeforeApplicationShutdown } from '@nestjs/common';
import { type Registry } from 'prom-client';
import { type Config } from '../config/config.js';
import { CACHE_PURGER, CONFIG, DROPPED_TAGS_FEED, METRICS_REGISTRY } from '../core/tokens.js';
import { createCachePurger } from './cache-purger.js';
import {
  createLocalDroppedTagsFeed,
  createRedisDroppedTagsFeed,
  type DroppedTagsFeed,
} from './dropped-tags-feed.js';
import { DroppedTagsController } from './dropped-tags.controller.js';

/** The Redis channel of one site's dropped tags: sites sharing a Redis never hear each other. */
export const droppedTagsChannel = (namespace: string): string => `${namespace}:cache:dropped-tags`;

/**
 * HTTP caching: the two ways the side effects reach caches
 * outside the API: the CDN purge hook and the feed of dropped tags the site's page cache follows.
 */
@Global()
@Module({
  controllers: [DroppedTagsController],
  providers: [
    {
      provide: DROPPED_TAGS_FEED,
      useFactory: (config: Config): DroppedTagsFeed =>
        config.redisUrl
          ? createRedisDroppedTagsFeed({
              url: config.redisUrl,
              channel: droppedTagsChannel(config.cacheNamespace),
              logger: new Logger('DroppedTags'),
            })
          : createLocalDroppedTagsFeed(),
      inject: [CONFIG],
    },
    {
      provide: CACHE_PURGER,
      useFactory: (config: Config, registry: Registry) => {
        const purger = createCachePurger(config.cachePurge, new Logger('CachePurge'));
        purger.registerMetrics(registry);
        return purger;
      },
      inject: [CONFIG, METRICS_REGISTRY],
    },
  ],
  exports: [CACHE_PURGER, DROPPED_TAGS_FEED],
})
export class HttpCacheModule implements BeforeApplicationShutdown {
  constructor(@Inject(DROPPED_TAGS_FEED) private readonly feed: DroppedTagsFeed) {}

  /** Before the HTTP server closes, which waits for every open connection: the streams end first. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.feed.close();
  }
}
