import { findSnapshot, postSavedEvent } from '../posts/post-snapshot.js';
import { type DomainEvents } from '../events/domain-events.js';
import { type Outbox } from '../events/outbox.js';

/**
 * A scheduled post goes public when its date comes, without any write: its `post.publication-due`
 * (recorded when it was saved, due at that date) turns into the `post.saved` a publication now
 * would have recorded, so the caches, the search index and the "new post" hint follow. A post
 * unpublished, rescheduled or deleted since is left alone: its current state has its own event.
 */
export function announceScheduledPosts(events: DomainEvents, outbox: Outbox): void {
  events.on('post.publication-due', 'scheduled publication', ({ postId, publishedAt }) =>
    outbox.transaction(async (tx, record) => {
      const post = await findSnapshot(tx, postId);
      if (!post?.public || post.publishedAt?.toISOString() !== publishedAt) return;
      const scheduled = { ...post, public: false, scheduledFor: post.publishedAt };
      await record('post.saved', postSavedEvent(scheduled, post));
    }),
  );
}
