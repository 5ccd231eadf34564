/**
 * Every Bayeux channel name Inkwell uses is built and recognised here, so the server guard,
 * the Redis bridge and the browser helper can never disagree on a name. No Node imports: the
 * browser helper shares this module.
 */

/** Hints about new published posts (front page, feeds). */
export const POSTS_CHANNEL = '/posts';

const COMMENT_CHANNEL_PREFIX = '/comments/';
const COMMENT_CHANNEL = /^\/comments\/([1-9][0-9]{0,15})$/;

/** Post ids are database serials; anything else is a bug at the call site. */
export function isPostId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** The channel a post's readers subscribe to, e.g. `/comments/42`. */
export function commentChannel(postId: number): string {
  if (!isPostId(postId)) throw new TypeError(`Not a post id: ${String(postId)}`);
  return `${COMMENT_CHANNEL_PREFIX}${postId}`;
}

/** The post id of a comment channel, or undefined when `channel` is not one. */
export function postIdOfCommentChannel(channel: string): number | undefined {
  const match = COMMENT_CHANNEL.exec(channel);
  if (!match?.[1]) return undefined;
  const postId = Number(match[1]);
  return isPostId(postId) ? postId : undefined;
}

/**
 * The only channels a reader may subscribe to and the server may publish on. Exact names only:
 * wildcards (`/**`, `/comments/*`) would let one connection watch every post.
 */
export function isHintChannel(channel: string): boolean {
  return channel === POSTS_CHANNEL || postIdOfCommentChannel(channel) !== undefined;
}
