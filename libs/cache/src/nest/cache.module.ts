import { CacheModule } from '@nestjs/cache-manager';
import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { type InkwellCache, type InkwellCacheOptions } from '../cache.js';
import { configureDefaultCache } from '../registry.js';

/** Injection token of the application's `InkwellCache`: `@Inject(INKWELL_CACHE)`. */
export const INKWELL_CACHE = 'INKWELL_CACHE';

@Module({})
class InkwellCacheCoreModule {}

/**
 * Opens the cache once at start, makes it the default of every `cacheMemoize`, and hands its
 * Keyv store to @nestjs/cache-manager, so `CACHE_MANAGER` and `CacheInterceptor` use the same
 * memory map or Redis connection. Global: import it once, in the root module.
 */
@Module({})
export class InkwellCacheModule implements OnApplicationShutdown {
  constructor(@Inject(INKWELL_CACHE) private readonly cache: InkwellCache) {}

  static forRoot(options: InkwellCacheOptions): DynamicModule {
    const core: DynamicModule = {
      module: InkwellCacheCoreModule,
      providers: [
        {
          provide: INKWELL_CACHE,
          useFactory: async (): Promise<InkwellCache> => {
            const cache = configureDefaultCache(options);
            // Boot waits for the first connection attempt, not for success: the API also starts,
            // uncached, while Redis is down.
            await cache.ready();
            return cache;
          },
        },
      ],
      exports: [INKWELL_CACHE],
    };
    return {
      module: InkwellCacheModule,
      global: true,
      imports: [
        core,
        CacheModule.registerAsync({
          imports: [core],
          inject: [INKWELL_CACHE],
          useFactory: (cache: InkwellCache) => ({ stores: [cache.keyv] }),
        }),
      ],
      exports: [core, CacheModule],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.cache.close();
  }
}
