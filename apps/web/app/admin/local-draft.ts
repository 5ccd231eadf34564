/*
 * The editor's text kept in the browser (localStorage) as the author types, so a closed tab,
 * a crash or a lost session never loses it. Plain functions over a Storage; the hook that
 * drives them is use-local-draft.ts.
 */

/** The fields worth keeping: what takes an author time to write. */
export interface DraftText {
  title: string;
  summary: string;
  body: string;
}

export interface LocalDraft extends DraftText {
  /** When it was last written (ms since the epoch), to tell the author how old it is. */
  savedAt: number;
}

export const DRAFT_FIELDS: readonly (keyof DraftText)[] = ['title', 'summary', 'body'];

/** One key per post, and one for the new-post page. */
export function draftKey(postId: number | null): string {
  return `inkwell:post-draft:${postId ?? 'new'}`;
}

/** The kept draft under `key`, or null when there is none or it is not one of ours. */
export function readDraft(storage: Storage, key: string): LocalDraft | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const record = parsed as Record<string, unknown>;
  if (!DRAFT_FIELDS.every((field) => typeof record[field] === 'string')) return null;
  if (typeof record.savedAt !== 'number') return null;
  return {
    title: record.title as string,
    summary: record.summary as string,
    body: record.body as string,
    savedAt: record.savedAt,
  };
}

/** Keeps the text; a full storage (quota) is no reason to break the editor. */
export function writeDraft(storage: Storage, key: string, text: DraftText, now: number): void {
  const draft: LocalDraft = {
    title: text.title,
    summary: text.summary,
    body: text.body,
    savedAt: now,
  };
  try {
    storage.setItem(key, JSON.stringify(draft));
  } catch {
    // Quota exceeded or storage disabled: the form still submits as before.
  }
}

export function removeDraft(storage: Storage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Storage disabled: nothing was kept either.
  }
}

/** Compared as the server reads a submission: trimmed title and summary, LF line endings. */
function normalized(text: DraftText): DraftText {
  return {
    title: text.title.trim(),
    summary: text.summary.trim(),
    body: text.body.replace(/\r\n?/g, '\n'),
  };
}

/** Whether two texts would save the same post. */
export function sameText(a: DraftText, b: DraftText): boolean {
  const left = normalized(a);
  const right = normalized(b);
  return DRAFT_FIELDS.every((field) => left[field] === right[field]);
}

/** The draft fields' current values in the editor's form. */
export function readDraftFields(form: HTMLFormElement): DraftText {
  const value = (name: keyof DraftText): string => {
    const field = form.elements.namedItem(name);
    return field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement
      ? field.value
      : '';
  };
  return { title: value('title'), summary: value('summary'), body: value('body') };
}
