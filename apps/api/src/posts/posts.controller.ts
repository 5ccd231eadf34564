import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import {
  type ListPostsQuery,
  listPostsQuerySchema,
  type PostDetailView,
  type PostListView,
  SLUG_PATTERN,
} from '@inkwell/contract';
import { NotFoundError } from '../common/not-found.js';
import { ZodPipe } from '../common/validation.js';
import { PublicRead } from '../http-cache/public-read.js';
import { listingTags, POST_LINKS_TAG, postTag } from './post-cache-tags.js';
import { PostsService } from './posts.service.js';

@Controller('api/posts')
export class PostsController {
  constructor(@Inject(PostsService) private readonly posts: PostsService) {}

  @Get()
  @PublicRead((page: PostListView) => listingTags(page.categories.map((category) => category.slug)))
  list(
    @Query(new ZodPipe(listPostsQuerySchema, 'query')) query: ListPostsQuery,
  ): Promise<PostListView> {
    return this.posts.listPosts(query);
  }

  @Get(':slug')
  @PublicRead((detail: PostDetailView) => [postTag(detail.post.slug), POST_LINKS_TAG])
  async get(@Param('slug') slug: string): Promise<PostDetailView> {
    if (!SLUG_PATTERN.test(slug) || slug.length > 200) {
      throw new NotFoundError(`No published post has the slug "${slug.slice(0, 200)}"`);
    }
    return this.posts.getPost(slug);
  }
}
