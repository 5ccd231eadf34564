/** What these functions read of a comment: the API's `Comment` fits. */
export interface CommentNode {
  id: number;
  replies: readonly CommentNode[];
}

/** The ids of a comment thread, replies included, in document order. */
export function commentIds(comments: readonly CommentNode[]): number[] {
  return comments.flatMap((comment) => [comment.id, ...commentIds(comment.replies)]);
}

/**
 * The comments that were not on the page before a refetch: the ones to highlight. `known`
 * is the previous thread's ids, `ids` the refetched thread's; a comment removed and one added
 * in the same refetch still counts as one arrival.
 */
export function arrivedCommentIds(known: ReadonlySet<number>, ids: readonly number[]): Set<number> {
  return new Set(ids.filter((id) => !known.has(id)));
}
