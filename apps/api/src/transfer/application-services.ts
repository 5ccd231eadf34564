import 'reflect-metadata';
import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger } from '@inkwell/telemetry';
import { type OriginalStore } from '@inkwell/assets/thumbnails';
import { type Database } from '@inkwell/prisma';
import { ProfileService } from '../admin/account/profile.service.js';
import { AdminCategoriesService } from '../admin/categories/admin-categories.service.js';
import { AdminImagesService } from '../admin/images/admin-images.service.js';
import { AdminPostsService } from '../admin/posts/admin-posts.service.js';
import { AdminSeriesService } from '../admin/series/admin-series.service.js';
import { AdminUsersService } from '../admin/users/admin-users.service.js';
import { AppModule } from '../app.module.js';
import { type Config } from '../config/config.js';
import { ORIGINALS, PRISMA } from '../core/tokens.js';
import { Outbox } from '../events/outbox.js';
import { SearchModule } from '../search/search.module.js';
import { SettingsService } from '../settings/settings.service.js';
import { type ImportServices } from './import-blog.js';

/** The services an import writes through and an export reads the image files from. */
export interface TransferServices extends ImportServices {
  originals: OriginalStore;
}

/** Picks the transfer's services out of an application (the API's, or a command's own). */
export function transferServices(app: Pick<INestApplicationContext, 'get'>): TransferServices {
  return {
    prisma: app.get(PRISMA),
    outbox: app.get(Outbox),
    posts: app.get(AdminPostsService),
    categories: app.get(AdminCategoriesService),
    series: app.get(AdminSeriesService),
    users: app.get(AdminUsersService),
    profiles: app.get(ProfileService),
    images: app.get(AdminImagesService),
    settings: app.get(SettingsService),
    originals: app.get(ORIGINALS),
  };
}

/**
 * Runs `work` with the API's own services on an opened database, in an application without HTTP:
 * every write records its domain events and runs their side effects (caches, search index,
 * realtime hints) exactly as the admin panel's do.
 */
export async function withApplicationServices<T>(
  config: Config,
  db: Database,
  work: (services: TransferServices) => Promise<T>,
): Promise<T> {
  const app = await NestFactory.createApplicationContext(
    // A command prints what goes wrong, not each service's start-up lines.
    AppModule.forRoot(config, createLogger({ ...config.log, level: 'warn' }), { database: db }),
    {
      logger: ['error', 'warn'],
      abortOnError: false,
    },
  );
  try {
    await app.get(SearchModule).indexPrepared();
    return await work(transferServices(app));
  } finally {
    await app.close();
  }
}
