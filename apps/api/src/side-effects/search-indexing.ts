import { type PrismaClient } from '@inkwell/prisma';
import { type SearchEngine } from '@inkwell/search';
import {
  type DomainEventMap,
  type DomainEvents,
  type DomainEventType,
} from '../events/domain-events.js';
import { SEARCH_TAG } from '../posts/post-cache-tags.js';
import { loadCommentDocuments, loadPostDocument } from '../search/search-documents.js';
import { type DropTags } from './drop-tags.js';

/**
 * Keeps the search index equal to what readers can see: published posts and approved comments.
 * Each handler reloads the current state, so a replayed or reordered event converges. Cached
 * search results are dropped after the index write, never before: a search made while the write
 * is under way would otherwise cache the old answer for the whole TTL.
 */
export function indexForSearch(
  events: DomainEvents,
  prisma: PrismaClient,
  engine: SearchEngine,
  dropTags: DropTags,
): void {
  const syncPost = async (postId: number) => {
    const post = await loadPostDocument(prisma, postId);
    if (!post) return engine.removePost(postId);
    await engine.indexPost(post);
    // Removing a post drops its comments from the index; a (re)published post brings them back.
    for (const comment of await loadCommentDocuments(prisma, { postId }))
      await engine.indexComment(comment);
  };
  const syncComment = async (commentId: number) => {
    const [comment] = await loadCommentDocuments(prisma, { id: commentId });
    if (comment) await engine.indexComment(comment);
    else await engine.removeComment(commentId);
  };
  /** `write` returns false when it left the index untouched. */
  const onIndexWrite = <T extends DomainEventType>(
    type: T,
    write: (payload: DomainEventMap[T]) => Promise<boolean | void>,
  ) =>
    events.on(type, 'search index', async (payload) => {
      if ((await write(payload)) !== false) await dropTags([SEARCH_TAG]);
    });

  onIndexWrite('post.saved', ({ postId }) => syncPost(postId));
  onIndexWrite('post.deleted', ({ postId }) => engine.removePost(postId));
  // Posts are indexed with their categories' names.
  onIndexWrite('category.saved', async ({ categoryId }) => {
    const posts = await prisma.post.findMany({
      where: { categories: { some: { categoryId } } },
      select: { id: true },
    });
    for (const post of posts) await syncPost(post.id);
  });
  onIndexWrite('comment.created', async ({ commentId, approved }) => {
    if (!approved) return false;
    await syncComment(commentId);
  });
  onIndexWrite('comment.approved', ({ commentId }) => syncComment(commentId));
  onIndexWrite('comment.deleted', ({ commentId }) => engine.removeComment(commentId));
}
