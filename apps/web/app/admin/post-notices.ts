/** Notices the editor shows after a successful write redirected to `?done=<key>`. */
export const DONE_MESSAGES = {
  created: 'Draft created.',
  saved: 'Saved.',
  'draft-saved': 'Draft saved: readers still see the published version until you Update.',
  'draft-discarded': 'Draft discarded: the editor shows the published version.',
  restored: 'Revision restored as a new revision.',
  'link-revoked': 'Preview link revoked: its address no longer works.',
  published: 'Published: the post is public now.',
  scheduled: 'Scheduled: the post goes public at the date given.',
  unpublished: 'Unpublished: the post is a draft again.',
} as const;

export type DoneKey = keyof typeof DONE_MESSAGES;

export function doneMessage(key: string | null): string | null {
  return key && Object.hasOwn(DONE_MESSAGES, key) ? DONE_MESSAGES[key as DoneKey] : null;
}
