import { Logger } from '@nestjs/common';

/**
 * The side effects of a write (cache invalidation, search indexing, realtime hints) subscribe
 * here, in one place. Services emit after their transaction has committed; a failing
 * subscriber is logged and never undoes or fails the write.
 */
export interface DomainEventMap {
  'post.saved': {
    postId: number;
    slug: string;
    /** Slugs it was filed under before and after the write (for precise invalidation). */
    categorySlugs: string[];
    previousCategorySlugs: string[];
    previousSlug: string | null;
    published: boolean;
    wasPublished: boolean;
  };
  'post.deleted': { postId: number; slug: string; categorySlugs: string[]; wasPublished: boolean };
  'comment.created': { commentId: number; postId: number; approved: boolean };
  'comment.approved': { commentId: number; postId: number };
  'comment.deleted': { commentId: number; postId: number; wasApproved: boolean };
  /** Created or renamed (name and/or slug); posts moved between categories emit `post.saved`. */
  'category.saved': { categoryId: number; slug: string; previousSlug: string | null; name: string };
  /** Deleted, after its posts (if any) were moved into `mergedInto`. */
  'category.deleted': { categoryId: number; slug: string; mergedInto: string | null };
  /** An upload was deleted; the database has already cleared it where it was the logo or favicon. */
  'image.deleted': { imageId: number };
  /** The site's settings changed (admin panel or first-run setup); `fields` names which. */
  'settings.saved': { fields: string[] };
}

export type DomainEventType = keyof DomainEventMap;
export type DomainEventHandler<T extends DomainEventType> = (
  payload: DomainEventMap[T],
) => Promise<void> | void;

export class DomainEvents {
  private readonly handlers = new Map<DomainEventType, Array<DomainEventHandler<never>>>();
  private readonly logger = new Logger('DomainEvents');

  on<T extends DomainEventType>(type: T, name: string, handler: DomainEventHandler<T>): void {
    const named = Object.assign(handler, { subscriberName: name });
    const list = this.handlers.get(type) ?? [];
    list.push(named as DomainEventHandler<never>);
    this.handlers.set(type, list);
  }

  /**
   * Runs every subscriber in the order they subscribed, one after another, and resolves when all
   * have finished, successfully or not. Order matters: caches are dropped before readers are told
   * to refetch, or the refetch could read the stale entry.
   */
  async emit<T extends DomainEventType>(type: T, payload: DomainEventMap[T]): Promise<void> {
    const handlers = (this.handlers.get(type) ?? []) as Array<DomainEventHandler<T>>;
    for (const handler of handlers) {
      try {
        await handler(payload);
      } catch (error) {
        const name = (handler as { subscriberName?: string }).subscriberName ?? 'subscriber';
        this.logger.error(`${name} failed on ${type}: ${(error as Error).message}`);
      }
    }
  }
}
