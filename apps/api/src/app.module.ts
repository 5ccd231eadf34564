import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { InkwellCacheModule } from '@inkwell/cache/nest';
import { createSharpEngine, type ThumbnailEngine } from '@inkwell/assets/thumbnails';
import { type Database } from '@inkwell/prisma';
import { type Logger as PinoLogger } from 'pino';
import { AdminModule } from './admin/admin.module.js';
import { AuthorsModule } from './authors/authors.module.js';
import { CategoriesModule } from './categories/categories.module.js';
import { CommentsModule } from './comments/comments.module.js';
import { type Config } from './config/config.js';
import { CoreModule } from './core/core.module.js';
import { OutboxModule } from './events/outbox.module.js';
import { HealthModule } from './health/health.module.js';
import { HttpCacheModule } from './http-cache/http-cache.module.js';
import { ImagesModule } from './images/images.module.js';
import { ModerationModule } from './moderation/moderation.module.js';
import { LoggingModule } from './observability/logging.module.js';
import { MetricsModule } from './observability/metrics.module.js';
import { PagesModule } from './pages/pages.module.js';
import { PostsModule } from './posts/posts.module.js';
import { RealtimeModule } from './realtime/realtime.module.js';
import { ReferenceModule } from './reference/reference.module.js';
import { SearchModule } from './search/search.module.js';
import { SettingsModule } from './settings/settings.module.js';
import { SetupModule } from './setup/setup.module.js';
import { SideEffectsModule } from './side-effects/side-effects.module.js';

export interface AppOverrides {
  /** An already opened (and migrated) database, e.g. one a test counts queries on. */
  database?: Database;
  /** Tests that only need "an image exists and was sized" pass the no-op engine. */
  thumbnailEngine?: ThumbnailEngine;
}

@Module({})
export class AppModule {
  static forRoot(config: Config, logger: PinoLogger, overrides: AppOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggingModule.forRoot(logger),
        CoreModule.forRoot(config, overrides.database),
        MetricsModule,
        OutboxModule,
        InkwellCacheModule.forRoot({
          namespace: config.cacheNamespace,
          redisUrl: config.redisUrl,
          memoryMaxEntries: config.cacheMemoryMaxEntries,
          logger: new Logger('Cache'),
        }),
        HttpCacheModule,
        HealthModule,
        ImagesModule.forRoot(overrides.thumbnailEngine ?? createSharpEngine()),
        RealtimeModule,
        SearchModule,
        SideEffectsModule,
        PostsModule,
        PagesModule,
        AuthorsModule,
        CategoriesModule,
        CommentsModule,
        ModerationModule,
        AdminModule,
        SettingsModule,
        SetupModule,
        ReferenceModule,
      ],
    };
  }
}
