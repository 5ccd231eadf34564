import { type PrismaClient } from '@inkwell/prisma';
import { type DomainEvents } from '../events/domain-events.js';
import { type DropTags } from './drop-tags.js';
import {
  ALL_POSTS_LISTING_TAG,
  authorTag,
  AUTHORS_TAG,
  CATEGORIES_TAG,
  categoryListingTag,
  PAGES_TAG,
  pageTag,
  POST_LINKS_TAG,
  postTag,
} from '../posts/post-cache-tags.js';

/**
 * Drops exactly the cached reads a write made stale. A comment changes its post's page and the
 * comment counts in the listings that show the post; a post also changes the neighbour links of
 * other posts and the category counts; a category's name shows on its posts' pages and in every
 * listing that shows one of them; a series' name shows on its parts' pages; an author's name shows in the bylines of their posts, on their
 * posts' pages and in every listing that shows one. A static page changes its own page and the
 * navigation. Search results are dropped by the search indexing subscriber, after the index write.
 */
export function invalidatePostCaches(
  events: DomainEvents,
  prisma: PrismaClient,
  dropTags: DropTags,
): void {
  const commentChanged = async (postId: number) => {
    const post = await prisma.post.findUnique({
      where: { id: postId },
      select: { slug: true, categories: { select: { category: { select: { slug: true } } } } },
    });
    if (!post) return;
    await dropTags([
      postTag(post.slug),
      ALL_POSTS_LISTING_TAG,
      ...post.categories.map(({ category }) => categoryListingTag(category.slug)),
    ]);
  };
  const postChanged = (slugs: Array<string | null>, categorySlugs: string[]) =>
    dropTags([
      ...slugs.filter((slug): slug is string => slug !== null).map(postTag),
      ALL_POSTS_LISTING_TAG,
      ...new Set(categorySlugs.map(categoryListingTag)),
      POST_LINKS_TAG,
      CATEGORIES_TAG,
    ]);
  const pageChanged = (slugs: Array<string | null>) =>
    dropTags([...slugs.filter((slug): slug is string => slug !== null).map(pageTag), PAGES_TAG]);
  const authorChanged = async (userId: number, slugs: Array<string | null>) => {
    const posts = await prisma.post.findMany({
      where: { authorId: userId, kind: 'POST' },
      select: { slug: true, categories: { select: { category: { select: { slug: true } } } } },
    });
    await dropTags([
      ...new Set(slugs.filter((slug): slug is string => slug !== null).map(authorTag)),
      ALL_POSTS_LISTING_TAG,
      ...[
        ...new Set(posts.flatMap((post) => post.categories.map(({ category }) => category.slug))),
      ].map(categoryListingTag),
      ...posts.map((post) => postTag(post.slug)),
    ]);
  };
  const categoryChanged = async (categoryId: number, slugs: Array<string | null>) => {
    const posts = await prisma.post.findMany({
      where: { categories: { some: { categoryId } } },
      select: { slug: true, categories: { select: { category: { select: { slug: true } } } } },
    });
    await dropTags([
      CATEGORIES_TAG,
      ALL_POSTS_LISTING_TAG,
      ...new Set(
        [
          ...slugs.filter((slug): slug is string => slug !== null),
          ...posts.flatMap((post) => post.categories.map(({ category }) => category.slug)),
        ].map(categoryListingTag),
      ),
      ...posts.map((post) => postTag(post.slug)),
    ]);
  };

  const seriesChanged = async (seriesId: number) => {
    const parts = await prisma.post.findMany({ where: { seriesId }, select: { slug: true } });
    await dropTags(parts.map((part) => postTag(part.slug)));
  };

  events.on('comment.created', 'cache invalidation', async ({ postId, approved }) => {
    if (approved) await commentChanged(postId);
  });
  events.on('comment.approved', 'cache invalidation', ({ postId }) => commentChanged(postId));
  events.on('comment.deleted', 'cache invalidation', async ({ postId, wasApproved }) => {
    if (wasApproved) await commentChanged(postId);
  });
  events.on('post.saved', 'cache invalidation', (event) =>
    event.kind === 'page'
      ? pageChanged([event.slug, event.previousSlug])
      : postChanged(
          [event.slug, event.previousSlug],
          [...event.categorySlugs, ...event.previousCategorySlugs],
        ),
  );
  events.on('post.deleted', 'cache invalidation', (event) =>
    event.kind === 'page'
      ? pageChanged([event.slug])
      : postChanged([event.slug], event.categorySlugs),
  );
  events.on('author.saved', 'cache invalidation', ({ userId, slug, previousSlug }) =>
    authorChanged(userId, [slug, previousSlug]),
  );
  // The foreign key may have cleared an avatar; deletes are rare, so every author page goes.
  events.on('image.deleted', 'author cache invalidation', () => dropTags([AUTHORS_TAG]));
  events.on('category.saved', 'cache invalidation', ({ categoryId, slug, previousSlug }) =>
    categoryChanged(categoryId, [slug, previousSlug]),
  );
  events.on('series.saved', 'cache invalidation', ({ seriesId }) => seriesChanged(seriesId));
  // Its posts were moved first (each a `post.saved`); what is left is the list and its listing.
  events.on('category.deleted', 'cache invalidation', ({ categoryId, slug }) =>
    categoryChanged(categoryId, [slug]),
  );
}
