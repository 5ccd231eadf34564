/** What a visitor typed, echoed back into the form when the API rejects it. */
export interface CommentFormValues {
  authorName: string;
  authorEmail: string;
  body: string;
  parentId: string;
}

export const emptyCommentForm: CommentFormValues = {
  authorName: '',
  authorEmail: '',
  body: '',
  parentId: '',
};

/** Reads the comment form's fields; missing or non-text fields read as empty strings. */
export function readCommentForm(form: FormData): CommentFormValues {
  const text = (name: keyof CommentFormValues) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  return {
    authorName: text('authorName'),
    authorEmail: text('authorEmail'),
    body: text('body'),
    parentId: text('parentId'),
  };
}

/** `?replyTo=` and the hidden parentId field: a positive integer id, or nothing. */
export function parseCommentId(value: string | null | undefined): number | undefined {
  if (!value || !/^\d{1,9}$/.test(value)) return undefined;
  const id = Number(value);
  return id > 0 ? id : undefined;
}

interface Threaded {
  id: number;
  replies: Threaded[];
}

/** Finds a comment anywhere in a thread (replies are nested). */
export function findComment<T extends Threaded>(thread: readonly T[], id: number): T | undefined {
  for (const comment of thread) {
    if (comment.id === id) return comment;
    const found = findComment(comment.replies as T[], id);
    if (found) return found;
  }
  return undefined;
}
