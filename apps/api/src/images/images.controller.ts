import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import {
  isNotModified,
  parseThumbnailFormat,
  thumbnailHeaders,
  type ThumbnailService,
} from '@inkwell/assets/thumbnails';
import { ValidationError } from '../common/validation.js';
import { THUMBNAILS } from '../core/tokens.js';

interface ThumbnailRequest {
  headers: Record<string, string | string[] | undefined>;
}

interface ThumbnailResponse {
  set(headers: Record<string, string>): void;
  status(code: number): { end(): void };
  sendFile(path: string): void;
}

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
    @Req() request: ThumbnailRequest,
    @Res() response: ThumbnailResponse,
  ): Promise<void> {
    const match = /^(\d{1,5})\.([a-z]{3,4})$/.exec(file);
    const format = match ? parseThumbnailFormat(match[2]!) : undefined;
    if (!match || !format)
      throw new ValidationError({ file: 'must look like <width>.<avif|webp|jpg>' });
    const thumbnail = await this.thumbnails.get(hash, { width: Number(match[1]), format });
    response.set(thumbnailHeaders(thumbnail));
    const ifNoneMatch = request.headers['if-none-match'];
    if (isNotModified(typeof ifNoneMatch === 'string' ? ifNoneMatch : undefined, thumbnail.etag)) {
      response.status(304).end();
      return;
    }
    response.sendFile(thumbnail.path);
  }
}
