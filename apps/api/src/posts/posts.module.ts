import { Module } from '@nestjs/common';
import { ShareImageStore } from '@inkwell/assets/share-images';
import { imageDirectories } from '@inkwell/assets/thumbnails';
import { type Config } from '../config/config.js';
import { CONFIG, SHARE_IMAGES } from '../core/tokens.js';
import { ShareImagesController } from './share-images.controller.js';
import { PostPreviewController } from './post-preview.controller.js';
import { PostPreviewService } from './post-preview.service.js';
import { PostsController } from './posts.controller.js';
import { RedirectsController } from './redirects.controller.js';
import { PostsService } from './posts.service.js';
import { SettingsModule } from '../settings/settings.module.js';

@Module({
  imports: [SettingsModule],
  controllers: [PostsController, RedirectsController, PostPreviewController, ShareImagesController],
  providers: [
    PostsService,
    PostPreviewService,
    {
      provide: SHARE_IMAGES,
      useFactory: (config: Config) =>
        new ShareImageStore({ cacheDir: imageDirectories(config.dataDir).shareImages }),
      inject: [CONFIG],
    },
  ],
  exports: [PostsService],
})
export class PostsModule {}
