import { Logger } from '@nestjs/common';
import { type PostKindName } from '@inkwell/contract';

/**
 * The side effects of a write (cache invalidation, search indexing, realtime hints) subscribe
 * here, in one place. Services record their events in the outbox, inside their transaction; the
 * outbox dispatcher emits them here once committed. A failing subscriber never undoes or fails
 * the write: the dispatcher retries it later.
 */
export interface DomainEventMap {
  'post.saved': {
    postId: number;
    /** Absent in events recorded before static pages existed: a post. */
    kind?: PostKindName;
    slug: string;
    /** Slugs it was filed under before and after the write (for precise invalidation). */
    categorySlugs: string[];
    previousCategorySlugs: string[];
    previousSlug: string | null;
    published: boolean;
    wasPublished: boolean;
  };
  'post.deleted': {
    postId: number;
    kind?: PostKindName;
    slug: string;
    categorySlugs: string[];
    wasPublished: boolean;
  };
  /**
   * A user's public profile changed (name, author slug, bio or avatar): their author page and
   * every byline of theirs.
   */
  'author.saved': { userId: number; slug: string | null; previousSlug: string | null };
  /** `imported`: brought in by an import (old news: nobody is emailed about it). */
  'comment.created': { commentId: number; postId: number; approved: boolean; imported?: true };
  'comment.approved': { commentId: number; postId: number };
  'comment.deleted': { commentId: number; postId: number; wasApproved: boolean };
  /**
   * An email about a comment is to be sent (recorded in the background by the comment's own
   * events): to the post's author while it awaits moderation, or to the commenter it replies to.
   */
  'comment.email-due': { commentId: number; kind: 'awaiting-moderation' | 'reply' };
  /** Created or renamed (name and/or slug); posts moved between categories emit `post.saved`. */
  'category.saved': { categoryId: number; slug: string; previousSlug: string | null; name: string };
  /** Deleted, after its posts (if any) were moved into `mergedInto`. */
  'category.deleted': { categoryId: number; slug: string; mergedInto: string | null };
  /** Renamed (name and/or slug): every part's page shows it. Posts join or leave by `post.saved`. */
  'series.saved': { seriesId: number };
  /** An upload was deleted; the database has already cleared it where it was the logo or favicon. */
  'image.deleted': { imageId: number };
  /** The site's settings changed (admin panel or first-run setup); `fields` names which. */
  'settings.saved': { fields: string[] };
  /**
   * Recorded when a post is saved with a publication date still to come, and run when that date
   * comes: the post goes public without a write, so this announces it (as a `post.saved`).
   */
  'post.publication-due': { postId: number; publishedAt: string };
}

export type DomainEventType = keyof DomainEventMap;
export type DomainEventHandler<T extends DomainEventType> = (
  payload: DomainEventMap[T],
) => Promise<void> | void;

export interface SubscriberFailure {
  subscriber: string;
  error: Error;
}

export class DomainEvents {
  private readonly handlers = new Map<DomainEventType, Array<DomainEventHandler<never>>>();
  private readonly logger = new Logger('DomainEvents');

  on<T extends DomainEventType>(type: T, name: string, handler: DomainEventHandler<T>): void {
    const named = Object.assign(handler, { subscriberName: name });
    const list = this.handlers.get(type) ?? [];
    list.push(named);
    this.handlers.set(type, list);
  }

  /**
   * Runs every subscriber in the order they subscribed, one after another, except those named in
   * `skip` (they succeeded on an earlier attempt), and resolves with the ones that failed: a
   * failure neither stops the others nor rejects. Order matters: caches are dropped before readers
   * are told to refetch, or the refetch could read the stale entry.
   */
  async emit<T extends DomainEventType>(
    type: T,
    payload: DomainEventMap[T],
    skip: readonly string[] = [],
  ): Promise<SubscriberFailure[]> {
    const failures: SubscriberFailure[] = [];
    for (const handler of this.subscribersOf(type)) {
      if (skip.includes(handler.subscriberName)) continue;
      try {
        await handler(payload);
      } catch (error) {
        this.logger.error(
          `${handler.subscriberName} failed on ${type}: ${(error as Error).message}`,
        );
        failures.push({ subscriber: handler.subscriberName, error: error as Error });
      }
    }
    return failures;
  }

  /** The names of the subscribers of `type`, in the order they run. */
  subscriberNames(type: DomainEventType): string[] {
    return this.subscribersOf(type).map((handler) => handler.subscriberName);
  }

  private subscribersOf<T extends DomainEventType>(type: T): Array<NamedHandler<T>> {
    return (this.handlers.get(type) ?? []) as Array<NamedHandler<T>>;
  }
}

type NamedHandler<T extends DomainEventType> = DomainEventHandler<T> & { subscriberName: string };
