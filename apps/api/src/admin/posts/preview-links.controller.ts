import { Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { type CreatedPreviewLink, type PreviewLinkView } from '@inkwell/contract';
import { CurrentSession } from '../../auth/admin-auth.guard.js';
import { type AdminSession } from '../../auth/auth.service.js';
import { AdminController } from '../../auth/admin-controller.decorator.js';
import { parseId } from '../../common/ids.js';
import { PreviewLinksService } from './preview-links.service.js';

/** The editor's preview links: listed, made and revoked by whoever may change the post. */
@AdminController('api/admin/posts/:id/preview-links')
export class PreviewLinksController {
  constructor(@Inject(PreviewLinksService) private readonly links: PreviewLinksService) {}

  @Get()
  list(
    @Param('id') id: string,
    @CurrentSession() session: AdminSession,
  ): Promise<PreviewLinkView[]> {
    return this.links.list(parseId(id, 'post'), session.user);
  }

  @Post()
  create(
    @Param('id') id: string,
    @CurrentSession() session: AdminSession,
  ): Promise<CreatedPreviewLink> {
    return this.links.create(parseId(id, 'post'), session.user);
  }

  @Delete(':linkId')
  @HttpCode(204)
  async revoke(
    @Param('id') id: string,
    @Param('linkId') linkId: string,
    @CurrentSession() session: AdminSession,
  ): Promise<void> {
    await this.links.revoke(parseId(id, 'post'), parseId(linkId, 'preview link'), session.user);
  }
}
