import { Global, Logger, Module } from '@nestjs/common';
import { type Config } from '../config/config.js';
import { CACHE_PURGER, CONFIG } from '../core/tokens.js';
import { createCachePurger } from './cache-purger.js';
import { PublicReadInterceptor } from './public-read.js';

/** HTTP caching: the public reads' headers and the CDN purge hook the side effects call. */
@Global()
@Module({
  providers: [
    {
      provide: CACHE_PURGER,
      useFactory: (config: Config) =>
        createCachePurger(config.cachePurge, new Logger('CachePurge')),
      inject: [CONFIG],
    },
    PublicReadInterceptor,
  ],
  exports: [CACHE_PURGER, PublicReadInterceptor],
})
export class HttpCacheModule {}
