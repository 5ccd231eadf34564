import { Body, Delete, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import {
  type AdminPostListItem,
  type AdminPostView,
  type CreatePostInput,
  createPostSchema,
  type ListAdminPostsQuery,
  listAdminPostsSchema,
  previewSchema,
  type PostRevisionListItem,
  type PostRevisionView,
  type PublishPostInput,
  publishPostSchema,
  type SaveDraftInput,
  saveDraftSchema,
  type UpdatePostInput,
  updatePostSchema,
  type VersionOnlyInput,
  versionOnlySchema,
} from '@inkwell/contract';
import { ZodPipe } from '../../common/validation.js';
import { CurrentSession } from '../../auth/admin-auth.guard.js';
import { type AdminSession } from '../../auth/auth.service.js';
import { AdminController } from '../../auth/admin-controller.decorator.js';
import { parseId } from '../../common/ids.js';
import { type Page } from '../common/pagination.js';
import { AdminPostsService } from './admin-posts.service.js';

/** Authors and admins write, preview, publish and delete posts; authors change only their own. */
@AdminController('api/admin/posts')
export class AdminPostsController {
  constructor(@Inject(AdminPostsService) private readonly posts: AdminPostsService) {}

  @Get()
  list(
    @Query(new ZodPipe(listAdminPostsSchema, 'query')) query: ListAdminPostsQuery,
    @CurrentSession() session: AdminSession,
  ): Promise<Page<AdminPostListItem>> {
    return this.posts.list(query, session.user);
  }

  @Post('preview')
  @HttpCode(200)
  preview(
    @Body(new ZodPipe(previewSchema)) input: { markdown: string },
  ): Promise<{ html: string }> {
    return this.posts.preview(input.markdown);
  }

  @Get(':id')
  get(@Param('id') id: string, @CurrentSession() session: AdminSession): Promise<AdminPostView> {
    return this.posts.get(parseId(id, 'post'), session.user);
  }

  @Post()
  create(
    @Body(new ZodPipe(createPostSchema)) input: CreatePostInput,
    @CurrentSession() session: AdminSession,
  ): Promise<AdminPostView> {
    return this.posts.create(input, session.user);
  }

  @Put(':id')
  update(
    @Param('id') id: string,
    @Body(new ZodPipe(updatePostSchema)) input: UpdatePostInput,
    @CurrentSession() session: AdminSession,
  ): Promise<AdminPostView> {
    return this.posts.update(parseId(id, 'post'), input, session.user);
  }

  @Post(':id/publish')
  @HttpCode(200)
  publish(
    @Param('id') id: string,
    @Body(new ZodPipe(publishPostSchema)) input: PublishPostInput,
    @CurrentSession() session: AdminSession,
  ): Promise<AdminPostView> {
    return this.posts.publish(parseId(id, 'post'), input, session.user);
  }

  @Post(':id/unpublish')
  @HttpCode(200)
  unpublish(
    @Param('id') id: string,
    @Body(new ZodPipe(versionOnlySchema)) input: VersionOnlyInput,
    @CurrentSession() session: AdminSession,
  ): Promise<AdminPostView> {
    return this.posts.unpublish(parseId(id, 'post'), input, session.user);
  }

  @Put(':id/draft')
  saveDraft(
    @Param('id') id: string,
    @Body(new ZodPipe(saveDraftSchema)) input: SaveDraftInput,
    @CurrentSession() session: AdminSession,
  ): Promise<AdminPostView> {
    return this.posts.saveDraft(parseId(id, 'post'), input, session.user);
  }

  @Delete(':id/draft')
  @HttpCode(204)
  async discardDraft(
    @Param('id') id: string,
    @CurrentSession() session: AdminSession,
  ): Promise<void> {
    await this.posts.discardDraft(parseId(id, 'post'), session.user);
  }

  @Get(':id/revisions')
  listRevisions(@Param('id') id: string): Promise<PostRevisionListItem[]> {
    return this.posts.listRevisions(parseId(id, 'post'));
  }

  @Get(':id/revisions/:revisionId')
  getRevision(
    @Param('id') id: string,
    @Param('revisionId') revisionId: string,
  ): Promise<PostRevisionView> {
    return this.posts.getRevision(parseId(id, 'post'), parseId(revisionId, 'revision'));
  }

  @Post(':id/revisions/:revisionId/restore')
  @HttpCode(200)
  restore(
    @Param('id') id: string,
    @Param('revisionId') revisionId: string,
    @Body(new ZodPipe(versionOnlySchema)) input: VersionOnlyInput,
    @CurrentSession() session: AdminSession,
  ): Promise<AdminPostView> {
    return this.posts.restore(
      parseId(id, 'post'),
      parseId(revisionId, 'revision'),
      input,
      session.user,
    );
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(@Param('id') id: string, @CurrentSession() session: AdminSession): Promise<void> {
    await this.posts.delete(parseId(id, 'post'), session.user);
  }
}
