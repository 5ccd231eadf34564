import {
  type AdminPostView,
  type PostInput,
  type PostKindName,
  type PostRevisionView,
} from '@inkwell/contract';

/*
 * The post editor's form, read back on the server. Values stay strings as typed so a refused
 * or conflicting save re-renders exactly what the author wrote.
 */

export interface PostFormValues {
  /** A post, or a static page (no categories, no link elsewhere). */
  kind: PostKindName;
  title: string;
  slug: string;
  summary: string;
  body: string;
  externalUrl: string;
  categories: string[];
  /** The slug of the series picked in the list, or '' for none. */
  series: string;
  /** The name of a series to start, which the post then joins (wins over `series`). */
  newSeries: string;
  seriesPart: string;
  /** The chosen cover's image id, '' for none; null when the form had no cover field. */
  coverImageId: string | null;
  coverAlt: string;
}

const text = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

export function readPostForm(form: FormData): PostFormValues {
  return {
    kind: text(form, 'kind') === 'page' ? 'page' : 'post',
    title: text(form, 'title').trim(),
    slug: text(form, 'slug').trim(),
    summary: text(form, 'summary').trim(),
    // Line endings as browsers submit them (CRLF) would show as changes in every diff.
    body: text(form, 'body').replace(/\r\n?/g, '\n'),
    externalUrl: text(form, 'externalUrl').trim(),
    categories: form
      .getAll('categories')
      .filter((value): value is string => typeof value === 'string'),
    series: text(form, 'series').trim(),
    newSeries: text(form, 'newSeries').trim(),
    seriesPart: text(form, 'seriesPart').trim(),
    coverImageId: form.has('coverImageId') ? text(form, 'coverImageId').trim() : null,
    coverAlt: text(form, 'coverAlt').trim(),
  };
}

/** The form's series and cover fields over a post's (or its draft's) series place and cover. */
function placementFormValues(
  saved: Pick<AdminPostView, 'series' | 'cover' | 'coverAlt'>,
): Pick<PostFormValues, 'series' | 'newSeries' | 'seriesPart' | 'coverImageId' | 'coverAlt'> {
  return {
    series: saved.series?.slug ?? '',
    newSeries: '',
    seriesPart: saved.series ? String(saved.series.part) : '',
    coverImageId: saved.cover ? String(saved.cover.id) : '',
    coverAlt: saved.coverAlt,
  };
}

export function postFormValuesOf(post: AdminPostView): PostFormValues {
  return {
    kind: post.kind,
    title: post.title,
    slug: post.slug,
    summary: post.summary,
    body: post.body,
    externalUrl: post.externalUrl ?? '',
    categories: post.categories.map((category) => category.slug),
    ...placementFormValues(post),
  };
}

/** The form over a post's pending draft: its text, series place and cover; the post's slug and link. */
export function draftFormValuesOf(post: AdminPostView, draft: PostRevisionView): PostFormValues {
  return {
    ...postFormValuesOf(post),
    title: draft.title,
    summary: draft.summary,
    body: draft.body,
    categories: draft.categories,
    ...placementFormValues(draft),
  };
}

/** What the editor opens on: the pending draft when there is one, else the post as saved. */
export function editorValuesOf(post: AdminPostView): PostFormValues {
  return post.pendingDraft ? draftFormValuesOf(post, post.pendingDraft) : postFormValuesOf(post);
}

export const emptyPostForm: PostFormValues = {
  kind: 'post',
  title: '',
  slug: '',
  summary: '',
  body: '',
  externalUrl: '',
  categories: [],
  series: '',
  newSeries: '',
  seriesPart: '',
  coverImageId: '',
  coverAlt: '',
};

/**
 * The post's place in a series as the API takes it: part 1 when left empty; anything else that
 * is not a number goes as typed (null), so the API names the field.
 */
function seriesInput(slug: string, part: string): PostInput['series'] {
  if (!slug) return null;
  return { slug, part: part === '' ? 1 : /^\d+$/.test(part) ? Number(part) : Number.NaN };
}

/**
 * The API's body: an empty slug lets the API make one from the title. `seriesSlug` is the
 * series just started for `newSeries`, when there is one.
 */
export function toPostInput(values: PostFormValues, seriesSlug = values.series): PostInput {
  return {
    kind: values.kind,
    title: values.title,
    ...(values.slug ? { slug: values.slug } : {}),
    summary: values.summary,
    body: values.body,
    externalUrl: values.externalUrl || null,
    categories: values.categories,
    series: seriesInput(seriesSlug, values.seriesPart),
    // A form without the cover's field (the conflict page's) leaves the cover as it is.
    ...(values.coverImageId === null
      ? {}
      : {
          coverImageId: values.coverImageId ? Number(values.coverImageId) : null,
          coverAlt: values.coverAlt,
        }),
  };
}

/** `version` from the form, or null when it is missing or not a positive integer. */
export function readVersion(form: FormData): number | null {
  const value = text(form, 'version');
  return /^[1-9]\d{0,9}$/.test(value) ? Number(value) : null;
}

/** Comment, category or image ids ticked in a form (`name` repeated), invalid ones dropped. */
export function readIds(form: FormData | URLSearchParams, name: string): number[] {
  return form
    .getAll(name)
    .filter((value): value is string => typeof value === 'string' && /^[1-9]\d{0,9}$/.test(value))
    .map(Number);
}

/**
 * A `datetime-local` value ("2026-12-01T09:00") read in the author's time zone, given as
 * minutes behind UTC like `Date#getTimezoneOffset` (the editor's script fills it in; without
 * JavaScript it is 0 and the form says times are UTC). Null for an empty or invalid value.
 */
export function localToIso(local: string, offsetMinutes: number): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!match) return null;
  // The pattern has exactly these five groups.
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const utc = Date.UTC(year, month - 1, day, hour, minute);
  const date = new Date(utc + offsetMinutes * 60_000);
  // Date.UTC rolls 2026-02-31 over into March: such a value was not a real date.
  if (new Date(utc).getUTCDate() !== day) return null;
  return date.toISOString();
}

/** The inverse, to fill a `datetime-local` field with a stored date. */
export function isoToLocal(iso: string, offsetMinutes: number): string {
  return new Date(new Date(iso).getTime() - offsetMinutes * 60_000).toISOString().slice(0, 16);
}

/** The time zone offset the form carried (minutes, within the real range), else UTC. */
export function readOffset(form: FormData): number {
  const value = Number(text(form, 'tzOffset'));
  return Number.isInteger(value) && Math.abs(value) <= 14 * 60 ? value : 0;
}
