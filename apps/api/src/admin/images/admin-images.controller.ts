import {
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { type AdminImageView, type ListImagesQuery, listImagesSchema } from '@inkwell/contract';
import { CurrentSession } from '../../auth/admin-auth.guard.js';
import { type AdminSession } from '../../auth/auth.service.js';
import { ValidationError, ZodPipe } from '../../common/validation.js';
import { AdminController } from '../../auth/admin-controller.decorator.js';
import { parseId } from '../../common/ids.js';
import { type Page } from '../common/pagination.js';
import { AdminImagesService, MAX_UPLOAD_BYTES } from './admin-images.service.js';

/** What multer's memory storage hands over. */
interface UploadedFileLike {
  buffer: Buffer;
  originalname: string;
}

@AdminController('api/admin/images')
export class AdminImagesController {
  constructor(@Inject(AdminImagesService) private readonly images: AdminImagesService) {}

  /**
   * Multipart field `file`, held in memory (bounded: one file, 20 MB) and validated before any
   * write. Browsers send the file name as raw UTF-8; multer would read it as latin1 (`RÃ©sumÃ©`).
   */
  @Post()
  @UseInterceptors(
    FileInterceptor('file', {
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 },
      defParamCharset: 'utf8',
    }),
  )
  async upload(
    @UploadedFile() file: UploadedFileLike | undefined,
    @Res({ passthrough: true }) response: { status(code: number): unknown },
    @CurrentSession() session: AdminSession,
  ): Promise<AdminImageView> {
    if (!file)
      throw new ValidationError({ file: 'is required (multipart/form-data field "file")' });
    const { image, created } = await this.images.upload(
      file.buffer,
      file.originalname,
      session.user,
    );
    response.status(created ? 201 : 200);
    return image;
  }

  @Get()
  list(
    @Query(new ZodPipe(listImagesSchema, 'query')) query: ListImagesQuery,
    @CurrentSession() session: AdminSession,
  ): Promise<Page<AdminImageView>> {
    return this.images.list(query, session.user);
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(@Param('id') id: string, @CurrentSession() session: AdminSession): Promise<void> {
    await this.images.delete(parseId(id, 'image'), session.user);
  }
}
