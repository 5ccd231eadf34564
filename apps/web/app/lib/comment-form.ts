/** What a visitor typed, echoed back into the form when the API rejects it. */
export interface CommentFormValues {
  authorName: string;
  authorEmail: string;
  body: string;
  parentId: string;
  /** The hidden honeypot: people leave it empty, form-filling bots do not. */
  website: string;
  /** When the page with the form was rendered (ms since the epoch), for the API's speed rule. */
  renderedAt: string;
  /** The "email me replies" checkbox: `on` when ticked. */
  notifyReplies: string;
}

export const emptyCommentForm: CommentFormValues = {
  authorName: '',
  authorEmail: '',
  body: '',
  parentId: '',
  website: '',
  renderedAt: '',
  notifyReplies: '',
};

/** The fields a visitor fills in; an API message about any other name is about the whole form. */
const VISIBLE_FIELDS = ['authorName', 'authorEmail', 'body'] as const;

export interface CommentFormErrors {
  fieldErrors: Partial<Record<(typeof VISIBLE_FIELDS)[number], string>>;
  formError: string | null;
}

/**
 * Splits an API refusal into messages shown next to a field and one shown above the form:
 * a 400 naming other inputs ("comment": "could not be accepted"), a 429, or no fields at all.
 */
export function commentFormErrors(
  status: number,
  message: string,
  fields: Record<string, string>,
): CommentFormErrors {
  const fieldErrors: CommentFormErrors['fieldErrors'] = {};
  const other: string[] = [];
  for (const [name, problem] of Object.entries(fields)) {
    if ((VISIBLE_FIELDS as readonly string[]).includes(name)) {
      fieldErrors[name as (typeof VISIBLE_FIELDS)[number]] = problem;
    } else {
      other.push(`${name.charAt(0).toUpperCase()}${name.slice(1)} ${problem}.`);
    }
  }
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  const formError =
    other.length > 0 ? other.join(' ') : hasFieldErrors && status === 400 ? null : message;
  return { fieldErrors, formError };
}

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
    website: text('website'),
    renderedAt: text('renderedAt'),
    notifyReplies: text('notifyReplies'),
  };
}

/** The hidden renderedAt field as a timestamp, or nothing when it was tampered with. */
export function parseRenderedAt(value: string): number | undefined {
  return /^\d{10,15}$/.test(value) ? Number(value) : undefined;
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
