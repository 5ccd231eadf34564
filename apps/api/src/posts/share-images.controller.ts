import { type IncomingMessage, type ServerResponse } from 'node:http';
import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { AssetValidationError, sendThumbnail } from '@inkwell/assets/thumbnails';
import { shareImageKey, type ShareImageStore } from '@inkwell/assets/share-images';
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from '@inkwell/contract';
import { NotFoundError } from '../common/not-found.js';
import { SHARE_IMAGES } from '../core/tokens.js';
import { PostsService } from './posts.service.js';

const SHARE_IMAGE_FILE = /^([a-f0-9]{16})\.png$/;

/**
 * `/images/og/<slug>/<key>.png`: a published post's share image, drawn on first request from
 * its title and the site's name. Only the key of the current title and name is served (any
 * other answers 404, so nobody can have arbitrary text drawn); its bytes never change, so it is
 * cached as immutable, like a thumbnail.
 */
@Controller('images/og')
export class ShareImagesController {
  constructor(
    @Inject(PostsService) private readonly posts: PostsService,
    @Inject(SHARE_IMAGES) private readonly store: ShareImageStore,
  ) {}

  @Get(':slug/:file')
  async shareImage(
    @Param('slug') slug: string,
    @Param('file') file: string,
    @Req() request: IncomingMessage,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const key = SHARE_IMAGE_FILE.exec(file)?.[1];
    if (!key || slug.length > MAX_SLUG_LENGTH || !SLUG_PATTERN.test(slug)) {
      throw new NotFoundError('No share image at this address: it is /images/og/<slug>/<key>.png');
    }
    const text = await this.posts.shareImageText(slug);
    if (shareImageKey(text) !== key) {
      throw new NotFoundError(
        `No share image ${key} for "${slug}": its title or the site's changed`,
      );
    }
    const image = await this.store.get(text);
    await new Promise<void>((resolve, reject) => {
      response.once('close', resolve);
      sendThumbnail(request, response, image, () =>
        reject(new AssetValidationError('not-found', `No share image ${key}.`)),
      );
    });
  }
}
