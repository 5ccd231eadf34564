import { type DynamicModule, Global, Module } from '@nestjs/common';
import {
  imageDirectories,
  OriginalStore,
  ThumbnailService,
  type ThumbnailEngine,
} from '@inkwell/assets/thumbnails';
import { type Config } from '../config/config.js';
import { CONFIG, ORIGINALS, THUMBNAILS } from '../core/tokens.js';
import { ImagesController } from './images.controller.js';

/** Uploaded originals (stored once by content hash) and their on-demand thumbnails. */
@Global()
@Module({})
export class ImagesModule {
  static forRoot(engine: ThumbnailEngine): DynamicModule {
    return {
      module: ImagesModule,
      controllers: [ImagesController],
      providers: [
        {
          provide: ORIGINALS,
          useFactory: (config: Config) =>
            new OriginalStore(imageDirectories(config.dataDir).originals),
          inject: [CONFIG],
        },
        {
          provide: THUMBNAILS,
          useFactory: (config: Config, originals: OriginalStore) =>
            new ThumbnailService({
              originals,
              cacheDir: imageDirectories(config.dataDir).thumbnails,
              engine,
            }),
          inject: [CONFIG, ORIGINALS],
        },
      ],
      exports: [ORIGINALS, THUMBNAILS],
    };
  }
}
