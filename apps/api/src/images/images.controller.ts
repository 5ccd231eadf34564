import { type IncomingMessage, type ServerResponse } from 'node:http';
import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import {
  AssetValidationError,
  parseThumbnailFile,
  sendThumbnail,
  type ThumbnailService,
} from '@inkwell/assets/thumbnails';
import { ValidationError } from '../common/validation.js';
import { THUMBNAILS } from '../core/tokens.js';

/**
 * Public thumbnails: `/images/<hash>/<width>.<avif|webp|jpg>`, immutable once made. The format is
 * in the URL (the <picture> element negotiates it), so responses need no `Vary: Accept`.
 */
@Controller('images')
export class ImagesController {
  constructor(@Inject(THUMBNAILS) private readonly thumbnails: ThumbnailService) {}

  @Get(':hash/:file')
  async thumbnail(
    @Param('hash') hash: string,
    @Param('file') file: string,
    @Req() request: IncomingMessage,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const query = parseThumbnailFile(file);
    if (!query) throw new ValidationError({ file: 'must look like <width>.<avif|webp|jpg>' });
    const thumbnail = await this.thumbnails.get(hash, query);
    // Settles when the answer is sent, or fails (before anything was sent) if the file went.
    await new Promise<void>((resolve, reject) => {
      response.once('close', resolve);
      sendThumbnail(request, response, thumbnail, () =>
        reject(new AssetValidationError('not-found', `No image with id ${hash}.`)),
      );
    });
  }
}
