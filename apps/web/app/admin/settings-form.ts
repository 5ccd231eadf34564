import { type SettingsInput } from '@inkwell/contract';

/** Navigation rows the settings form offers beyond the saved links, so it works without scripts. */
export const BLANK_NAVIGATION_ROWS = 3;

/** The chosen image id, or null for "none". */
function imageChoice(value: FormDataEntryValue | null): number | null {
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null;
}

/**
 * The settings form as the API's input. Navigation rows are label/url pairs in order; blank
 * rows are dropped. A number field left unreadable is sent as NaN, which the API names.
 */
export function readSettingsForm(form: FormData): SettingsInput {
  const text = (name: string) => String(form.get(name) ?? '');
  const labels = form.getAll('navLabel').map(String);
  const urls = form.getAll('navUrl').map(String);
  return {
    title: text('title'),
    description: text('description'),
    ownerName: text('ownerName'),
    logoImageId: imageChoice(form.get('logoImageId')),
    faviconImageId: imageChoice(form.get('faviconImageId')),
    navigation: labels
      .map((label, index) => ({ label: label.trim(), url: (urls[index] ?? '').trim() }))
      .filter((link) => link.label !== '' || link.url !== ''),
    postsPerPage: Number(text('postsPerPage')),
    commentsEnabled: form.has('commentsEnabled'),
    holdFirstComments: form.has('holdFirstComments'),
    fullContentFeeds: form.has('fullContentFeeds'),
    pageOrder: readPageOrder(form),
  };
}

/**
 * The pages' ids sorted by the position typed beside each (`pageId` and `pagePosition`, in
 * pairs); equal or unreadable positions keep the order the form listed them in.
 */
export function readPageOrder(form: FormData): number[] {
  const positions = form
    .getAll('pagePosition')
    .map((value) =>
      typeof value === 'string' && /^\d{1,6}$/.test(value.trim())
        ? Number(value)
        : Number.MAX_SAFE_INTEGER,
    );
  return form
    .getAll('pageId')
    .map((id, index) => ({
      id: Number(id),
      position: positions[index] ?? Number.MAX_SAFE_INTEGER,
      index,
    }))
    .filter((page) => Number.isInteger(page.id) && page.id > 0)
    .sort((a, b) => a.position - b.position || a.index - b.index)
    .map((page) => page.id);
}
