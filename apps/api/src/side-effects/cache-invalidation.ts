import { invalidateTags } from '@inkwell/cache';
import { type PrismaClient } from '@inkwell/prisma';
import { type DomainEvents } from '../events/domain-events.js';
import {
  ALL_POSTS_LISTING_TAG,
  CATEGORIES_TAG,
  categoryListingTag,
  POST_LINKS_TAG,
  postTag,
  SEARCH_TAG,
} from '../posts/post-cache-tags.js';

/**
 * Drops exactly the cached reads a write made stale. A comment changes its post's page, the
 * comment counts in the listings that show the post, and search; a post also changes the
 * neighbour links of other posts and the category counts.
 */
export function invalidatePostCaches(events: DomainEvents, prisma: PrismaClient): void {
  const commentChanged = async (postId: number) => {
    const post = await prisma.post.findUnique({
      where: { id: postId },
      select: { slug: true, categories: { select: { category: { select: { slug: true } } } } },
    });
    if (!post) return;
    await invalidateTags([
      postTag(post.slug),
      ALL_POSTS_LISTING_TAG,
      ...post.categories.map(({ category }) => categoryListingTag(category.slug)),
      SEARCH_TAG,
    ]);
  };
  const postChanged = (slugs: Array<string | null>, categorySlugs: string[]) =>
    invalidateTags([
      ...slugs.filter((slug): slug is string => slug !== null).map(postTag),
      ALL_POSTS_LISTING_TAG,
      ...new Set(categorySlugs.map(categoryListingTag)),
      POST_LINKS_TAG,
      CATEGORIES_TAG,
      SEARCH_TAG,
    ]);

  events.on('comment.created', 'cache invalidation', async ({ postId, approved }) => {
    if (approved) await commentChanged(postId);
  });
  events.on('comment.approved', 'cache invalidation', ({ postId }) => commentChanged(postId));
  events.on('comment.deleted', 'cache invalidation', async ({ postId, wasApproved }) => {
    if (wasApproved) await commentChanged(postId);
  });
  events.on('post.saved', 'cache invalidation', (event) =>
    postChanged(
      [event.slug, event.previousSlug],
      [...event.categorySlugs, ...event.previousCategorySlugs],
    ),
  );
  events.on('post.deleted', 'cache invalidation', (event) =>
    postChanged([event.slug], event.categorySlugs),
  );
}
