import { type AdminPostView, postConflict } from '@inkwell/contract';
import { redirect } from '@remix-run/node';
import { ApiError, type ApiClient } from '../api-client.server.js';
import { type DiffSection, postTextDiff } from './post-diff.js';
import { type DoneKey } from './post-notices.js';
import {
  localToIso,
  type PostFormValues,
  editorValuesOf,
  readOffset,
  readPostForm,
  readVersion,
  toPostInput,
} from './post-form.js';

/** The saved post when `error` is the API's stale-version 409, else null. */
function conflictingPost(error: unknown): AdminPostView | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  return postConflict.safeParse(error.body).data?.current ?? null;
}

/*
 * What the editor's submit buttons do, shared by the new-post and edit pages. Success
 * redirects (so a reload never resubmits); refusals come back with what the author typed.
 */

/** `save-draft`: "Save" of a published post keeps the edit as its pending draft. */
export type EditorIntent = 'save' | 'save-draft' | 'preview' | 'publish' | 'schedule' | 'unpublish';
const INTENTS: readonly EditorIntent[] = [
  'save',
  'save-draft',
  'preview',
  'publish',
  'schedule',
  'unpublish',
];

export type EditorResult =
  | {
      kind: 'invalid';
      values: PostFormValues;
      fieldErrors: Record<string, string>;
      formError: string | null;
    }
  | { kind: 'preview'; values: PostFormValues; html: string }
  | {
      kind: 'conflict';
      values: PostFormValues;
      current: AdminPostView;
      diff: DiffSection[];
      /** How "Overwrite" saves: privately again when the author's save was a draft. */
      saveIntent: 'save' | 'save-draft';
    };

/**
 * Only the fields that differ, each as a line diff from the saved post (its pending draft, when
 * it has one) to the author's text.
 */
export function conflictDiff(mine: PostFormValues, current: AdminPostView): DiffSection[] {
  return postTextDiff(editorValuesOf(current), mine);
}

function invalid(values: PostFormValues, error: unknown): EditorResult {
  if (error instanceof ApiError && [400, 409, 413].includes(error.status)) {
    const hasFields = Object.keys(error.fields).length > 0;
    return {
      kind: 'invalid',
      values,
      fieldErrors: error.fields,
      formError: hasFields ? null : error.message,
    };
  }
  throw error;
}

/**
 * The slug of the series the post joins: the one picked, or the one named under "New series",
 * started now unless a series of that name exists (so a refused save can simply be retried).
 * The API's refusal of the name comes back as the new-series field's.
 */
async function seriesToJoin(api: ApiClient, values: PostFormValues): Promise<string> {
  if (!values.newSeries) return values.series;
  const name = values.newSeries.toLocaleLowerCase();
  const existing = (await api.get('/api/admin/series')).find(
    (series) => series.name.toLocaleLowerCase() === name,
  );
  if (existing) return existing.slug;
  try {
    return (await api.post('/api/admin/series', { body: { name: values.newSeries } })).slug;
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) {
      throw new ApiError(400, error.message, { newSeries: error.fields.name ?? error.message });
    }
    throw error;
  }
}

/**
 * Runs the submitted intent for post `id` (null: a new post). Saving always comes first so
 * "Publish" publishes what is on screen; every write names the version it was based on.
 */
export async function runEditorIntent(
  api: ApiClient,
  form: FormData,
  id: number | null,
): Promise<EditorResult | Response> {
  const values = readPostForm(form);
  const intent = INTENTS.find((name) => name === form.get('intent')) ?? 'save';
  if (intent === 'preview') {
    return {
      kind: 'preview',
      values,
      html: (await api.post('/api/admin/posts/preview', { body: { markdown: values.body } })).html,
    };
  }
  let publishAt: string | undefined;
  if (intent === 'schedule') {
    publishAt = localToIso(String(form.get('publishAt') ?? ''), readOffset(form)) ?? undefined;
    if (!publishAt) {
      return {
        kind: 'invalid',
        values,
        fieldErrors: { publishAt: 'needs a date and time' },
        formError: null,
      };
    }
  }

  let post: AdminPostView;
  try {
    const seriesSlug = await seriesToJoin(api, values);
    if (id === null) {
      post = await api.post('/api/admin/posts', { body: toPostInput(values, seriesSlug) });
    } else {
      const version = readVersion(form);
      if (version === null) {
        return {
          kind: 'invalid',
          values,
          fieldErrors: {},
          formError: 'The form lost its version: reload the post.',
        };
      }
      if (intent === 'save-draft') {
        // Slug and link are not part of a draft: they change with "Update".
        const { title, summary, body, categories, series, coverImageId, coverAlt } = toPostInput(
          values,
          seriesSlug,
        );
        post = await api.put('/api/admin/posts/{id}/draft', {
          params: { id: id },
          body: { version, title, summary, body, categories, series, coverImageId, coverAlt },
        });
      } else {
        post = await api.put('/api/admin/posts/{id}', {
          params: { id: id },
          // A post stays what it was created as: the kind is not sent with an edit.
          body: { ...withoutKind(toPostInput(values, seriesSlug)), version: version },
        });
      }
    }
    if (intent === 'publish' || intent === 'schedule') {
      post = await api.post('/api/admin/posts/{id}/publish', {
        params: { id: post.id },
        body: { version: post.version, publishAt: publishAt },
      });
    } else if (intent === 'unpublish') {
      post = await api.post('/api/admin/posts/{id}/unpublish', {
        params: { id: post.id },
        body: { version: post.version },
      });
    }
  } catch (error) {
    const current = conflictingPost(error);
    if (current) {
      return {
        kind: 'conflict',
        values,
        current,
        diff: conflictDiff(values, current),
        saveIntent: intent === 'save-draft' ? 'save-draft' : 'save',
      };
    }
    return invalid(values, error);
  }
  const done: DoneKey =
    intent === 'save'
      ? id === null
        ? 'created'
        : 'saved'
      : intent === 'save-draft'
        ? 'draft-saved'
        : intent === 'publish'
          ? 'published'
          : intent === 'schedule'
            ? 'scheduled'
            : 'unpublished';
  return redirect(`/admin/posts/${post.id}?done=${done}`);
}

function withoutKind<T extends { kind?: unknown }>(input: T): Omit<T, 'kind'> {
  const { kind: _kind, ...rest } = input;
  return rest;
}
