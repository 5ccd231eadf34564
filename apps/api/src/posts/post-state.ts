import { type PostState } from '@inkwell/contract';
import { type PostStatus } from '@inkwell/prisma';

/** draft: not published; scheduled: published with a date still to come; published: public. */
export function postState(
  status: PostStatus,
  publishedAt: Date | null,
  now = new Date(),
): PostState {
  if (status === 'DRAFT') return 'draft';
  return publishedAt && publishedAt <= now ? 'published' : 'scheduled';
}
