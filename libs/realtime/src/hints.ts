/**
 * Hints are the only payloads on the wire. They say *that* something changed, never *what*:
 * readers refetch through the API, which applies moderation and privacy rules. Parsers accept
 * exactly the listed keys so a caller that passes a whole comment row (body, email, IP) is
 * refused instead of silently broadcasting it. No Node imports: the browser helper shares this.
 */
import { POSTS_CHANNEL, isPostId, postIdOfCommentChannel } from './channels.js';

/** Published on `/comments/<postId>` when a post's visible comments change. */
export interface CommentHint {
  postId: number;
  commentCount: number;
  /** Null once the last visible comment is gone. */
  latestCommentId: number | null;
}

/** Published on `/posts` when a post is published. */
export interface PostHint {
  postId: number;
  slug: string;
}

export type Hint = CommentHint | PostHint;

export class InvalidHintError extends TypeError {
  override name = 'InvalidHintError';
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG_LENGTH = 200;

export function parseCommentHint(value: unknown): CommentHint {
  const record = exactRecord(value, ['postId', 'commentCount', 'latestCommentId']);
  const { postId, commentCount, latestCommentId } = record;
  if (!isPostId(postId)) throw new InvalidHintError('postId must be a positive integer');
  if (!Number.isSafeInteger(commentCount) || (commentCount as number) < 0) {
    throw new InvalidHintError('commentCount must be a non-negative integer');
  }
  if (latestCommentId !== null && !isPostId(latestCommentId)) {
    throw new InvalidHintError('latestCommentId must be a positive integer or null');
  }
  return { postId, commentCount: commentCount as number, latestCommentId };
}

export function parsePostHint(value: unknown): PostHint {
  const { postId, slug } = exactRecord(value, ['postId', 'slug']);
  if (!isPostId(postId)) throw new InvalidHintError('postId must be a positive integer');
  if (typeof slug !== 'string' || slug.length > MAX_SLUG_LENGTH || !SLUG.test(slug)) {
    throw new InvalidHintError('slug must be a lower-case, hyphenated slug');
  }
  return { postId, slug };
}

/** Parses `value` as the hint kind that `channel` carries; a comment hint must name that post. */
export function parseHintFor(channel: string, value: unknown): Hint {
  if (channel === POSTS_CHANNEL) return parsePostHint(value);
  const channelPostId = postIdOfCommentChannel(channel);
  if (channelPostId === undefined) throw new InvalidHintError(`No hints travel on ${channel}`);
  const hint = parseCommentHint(value);
  if (hint.postId !== channelPostId)
    throw new InvalidHintError(`Hint for post ${hint.postId} on ${channel}`);
  return hint;
}

function exactRecord<K extends string>(value: unknown, keys: readonly K[]): Record<K, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidHintError('A hint must be a plain object');
  }
  const extra = Object.keys(value).filter((key) => !(keys as readonly string[]).includes(key));
  if (extra.length > 0) throw new InvalidHintError(`Unexpected hint fields: ${extra.join(', ')}`);
  const missing = keys.filter((key) => !(key in value));
  if (missing.length > 0) throw new InvalidHintError(`Missing hint fields: ${missing.join(', ')}`);
  return value as Record<K, unknown>;
}
