import { type CommentView } from '@inkwell/contract';

export interface FlatComment {
  id: number;
  parentId: number | null;
  authorName: string;
  html: string;
  createdAt: string;
}

/**
 * Nests comments under their parents, oldest first at every level. A reply whose parent is not
 * in the list (not approved, or deleted) is shown at the top level rather than hidden.
 */
export function buildCommentThread(comments: FlatComment[]): CommentView[] {
  const byId = new Map<number, CommentView>();
  for (const comment of comments) byId.set(comment.id, { ...comment, replies: [] });
  const roots: CommentView[] = [];
  for (const comment of comments) {
    const view = byId.get(comment.id)!;
    const parent = comment.parentId === null ? undefined : byId.get(comment.parentId);
    (parent ? parent.replies : roots).push(view);
  }
  const byDate = (a: CommentView, b: CommentView) =>
    a.createdAt.localeCompare(b.createdAt) || a.id - b.id;
  const sortTree = (list: CommentView[]) => {
    list.sort(byDate);
    for (const item of list) sortTree(item.replies);
  };
  sortTree(roots);
  return roots;
}
