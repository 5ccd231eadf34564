import { type PrismaClient } from '@inkwell/prisma';
import { type SearchEngine } from '@inkwell/search';
import { type DomainEvents } from '../events/domain-events.js';
import { loadCommentDocuments, loadPostDocument } from '../search/search-documents.js';

/**
 * Keeps the search index equal to what readers can see: published posts and approved comments.
 * Each handler reloads the current state, so a replayed or reordered event converges.
 */
export function indexForSearch(
  events: DomainEvents,
  prisma: PrismaClient,
  engine: SearchEngine,
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

  events.on('post.saved', 'search index', ({ postId }) => syncPost(postId));
  events.on('post.deleted', 'search index', ({ postId }) => engine.removePost(postId));
  // Posts are indexed with their categories' names.
  events.on('category.saved', 'search index', async ({ categoryId }) => {
    const posts = await prisma.post.findMany({
      where: { categories: { some: { categoryId } } },
      select: { id: true },
    });
    for (const post of posts) await syncPost(post.id);
  });
  events.on('comment.created', 'search index', async ({ commentId, approved }) => {
    if (approved) await syncComment(commentId);
  });
  events.on('comment.approved', 'search index', ({ commentId }) => syncComment(commentId));
  events.on('comment.deleted', 'search index', ({ commentId }) => engine.removeComment(commentId));
}
