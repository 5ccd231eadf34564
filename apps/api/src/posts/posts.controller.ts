import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { type ListPostsQuery, listPostsQuerySchema, SLUG_PATTERN } from '@inkwell/contract';
import { NotFoundError } from '../common/not-found.js';
import { ZodPipe } from '../common/validation.js';
import { cachePublicRead, type PublicJson } from '../http-cache/public-json.js';
import { PublicRead } from '../http-cache/public-read.js';
import {
  authorTag,
  LISTING_TTL_SECONDS,
  listingTags,
  POST_LINKS_TAG,
  POST_TTL_SECONDS,
  POST_VIEWS_VERSION,
  postTag,
} from './post-cache-tags.js';
import { PostsService } from './posts.service.js';
import { SETTINGS_TAG } from '../settings/settings.service.js';

@Controller('api/posts')
export class PostsController {
  private readonly listing: (query: ListPostsQuery) => Promise<PublicJson>;
  private readonly detail: (slug: string) => Promise<PublicJson>;

  constructor(@Inject(PostsService) posts: PostsService) {
    this.listing = cachePublicRead(
      LISTING_TTL_SECONDS,
      {
        prefix: 'posts.list',
        version: POST_VIEWS_VERSION,
        tags: (query: ListPostsQuery) => [
          ...listingTags(query.category),
          ...(query.author ? [authorTag(query.author)] : []),
        ],
        headerTags: (page) => [
          ...listingTags(page.categories.map((category) => category.slug)),
          ...(page.author?.slug ? [authorTag(page.author.slug)] : []),
        ],
      },
      (query: ListPostsQuery) => posts.listPosts(query),
    );
    // The whole page in one entry: a hit is one lookup. Any post's publication drops the links
    // of every page, so it drops their entries too; a new site name changes its share image.
    this.detail = cachePublicRead(
      POST_TTL_SECONDS,
      {
        prefix: 'posts.detail',
        version: POST_VIEWS_VERSION,
        tags: (slug: string) => [postTag(slug), POST_LINKS_TAG, SETTINGS_TAG],
      },
      (slug: string) => posts.getPost(slug),
    );
  }

  @Get()
  @PublicRead()
  list(
    @Query(new ZodPipe(listPostsQuerySchema, 'query')) query: ListPostsQuery,
  ): Promise<PublicJson> {
    return this.listing(query);
  }

  @Get(':slug')
  @PublicRead()
  async get(@Param('slug') slug: string): Promise<PublicJson> {
    if (!SLUG_PATTERN.test(slug) || slug.length > 200) {
      throw new NotFoundError(`No published post has the slug "${slug.slice(0, 200)}"`);
    }
    return this.detail(slug);
  }
}
