import { Form, useFetcher } from '@remix-run/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type AdminCategoryView,
  type AdminImageView,
  type AdminPostView,
  type AdminSeriesView,
} from '@inkwell/contract';
import { MAX_SERIES_PART } from '@inkwell/contract/limits';
import { CoverField } from './cover-field.js';
import {
  EDITOR_UPLOAD_FETCHER,
  type ImageActionResult,
  imagesWithUploads,
} from './image-upload.js';
import { Field } from '../components/field.js';
import { useBrowserValue } from '../lib/browser-value.js';
import { CsrfField, DateTime, Notice, StateBadge } from './components.js';
import { CSRF_FIELD } from './csrf.js';
import { useAdminLayout } from './layout-data.js';
import { type EditorResult } from './post-actions.server.js';
import { isoToLocal, type PostFormValues } from './post-form.js';
import { UnsavedTextGuards } from './unsaved-text-guards.js';

/*
 * The Markdown editor: a textarea with a live preview rendered by the API (debounced through
 * the /admin/preview resource route; without JavaScript the "Preview" button does the same by
 * a full submit), an image picker, categories, slug and publishing controls.
 */

const PREVIEW_DELAY_MS = 400;

interface EditorProps {
  /** The saved post, or null on the new-post page. */
  post: AdminPostView | null;
  /** The form's values when nothing was submitted yet. */
  saved: PostFormValues;
  categories: AdminCategoryView[];
  series: AdminSeriesView[];
  images: AdminImageView[];
  /** The last submission's outcome: refused (with messages) or a no-JavaScript preview. */
  result: EditorResult | undefined;
}

export function PostEditor(props: EditorProps) {
  const { post, categories, series, images, result } = props;
  const values = result?.values ?? props.saved;
  const fieldErrors = result?.kind === 'invalid' ? result.fieldErrors : {};
  const formError = result?.kind === 'invalid' ? result.formError : null;
  const previewHtml = result?.kind === 'preview' ? result.html : null;
  const body = useRef<HTMLTextAreaElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const preview = useFetcher<{ html: string }>();
  // `submit` keeps its identity across renders; the fetcher object does not.
  const { submit: submitPreview } = preview;
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const { csrfToken } = useAdminLayout();

  const refreshPreview = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      submitPreview(
        { markdown: body.current?.value ?? '', [CSRF_FIELD]: csrfToken },
        { method: 'post', action: '/admin/preview' },
      );
    }, PREVIEW_DELAY_MS);
  }, [csrfToken, submitPreview]);

  // Show the saved body's preview as soon as the page is interactive.
  useEffect(() => {
    if (!previewHtml && body.current?.value) refreshPreview();
    return () => clearTimeout(timer.current);
  }, [previewHtml, refreshPreview]);

  const insertAtCursor = (snippet: string) => {
    const textarea = body.current;
    if (!textarea) return;
    textarea.focus();
    textarea.setRangeText(snippet, textarea.selectionStart, textarea.selectionEnd, 'end');
    refreshPreview();
  };

  const html = preview.data?.html ?? previewHtml;
  const error = (name: string) => fieldErrors[name];
  const page = values.kind === 'page';

  return (
    <div className="editor">
      <Form
        ref={form}
        method="post"
        className="admin-form editor__form"
        aria-label={page ? 'Page' : 'Post'}
      >
        <CsrfField />
        <UnsavedTextGuards form={form} postId={post?.id ?? null} />
        <input type="hidden" name="kind" value={values.kind} />
        {post ? <input type="hidden" name="version" value={post.version} /> : null}
        {formError ? <Notice kind="error">{formError}</Notice> : null}
        {Object.keys(fieldErrors).length > 0 ? (
          <Notice kind="error">Please correct the highlighted fields.</Notice>
        ) : null}
        <Field idPrefix="post" name="title" label="Title" error={error('title')}>
          {(control) => (
            <input {...control} type="text" required maxLength={200} defaultValue={values.title} />
          )}
        </Field>
        <Field
          idPrefix="post"
          name="slug"
          label="Slug"
          hint={
            page
              ? 'The page’s address is /<slug>; addresses the site uses itself (search, posts…) are refused. When you change it, the old address keeps redirecting to the new one.'
              : post
                ? 'The address is /posts/<slug>. When you change it, the old address keeps redirecting to the new one.'
                : 'Leave it empty to make one from the title.'
          }
          error={error('slug')}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              defaultValue={values.slug}
            />
          )}
        </Field>
        {post && post.previousSlugs.length > 0 ? (
          <p className="field__hint">
            Old addresses redirecting here:{' '}
            {post.previousSlugs.map((slug) => (page ? `/${slug}` : `/posts/${slug}`)).join(', ')}
          </p>
        ) : null}
        <Field
          idPrefix="post"
          name="summary"
          label="Summary"
          hint={
            page ? 'Shown to search engines and in search results.' : 'Shown in listings and feeds.'
          }
          error={error('summary')}
        >
          {(control) => (
            <textarea {...control} rows={2} maxLength={500} defaultValue={values.summary} />
          )}
        </Field>
        <div className="editor__panes">
          <Field idPrefix="post" name="body" label="Body (Markdown)" error={error('body')}>
            {(control) => (
              <textarea
                {...control}
                ref={body}
                rows={22}
                className="editor__body"
                defaultValue={values.body}
                onChange={refreshPreview}
              />
            )}
          </Field>
          <section className="editor__preview" aria-labelledby="preview-heading" aria-live="polite">
            <h2 id="preview-heading">Preview</h2>
            {html ? (
              <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
            ) : (
              <p className="muted">
                Press “Preview” (or type, with JavaScript on) to see the post.
              </p>
            )}
          </section>
        </div>
        {page ? null : <PostOnlyFields values={values} categories={categories} error={error} />}
        <SeriesFields
          series={series}
          values={values}
          errors={{
            series: error('series'),
            part: error('series.part'),
            newSeries: error('newSeries'),
          }}
        />
        <CoverField
          images={images}
          imageId={values.coverImageId ?? ''}
          alt={values.coverAlt}
          errors={{ coverImageId: error('coverImageId'), coverAlt: error('coverAlt') }}
        />
        <PublishControls post={post} error={error('publishAt')} />
      </Form>
      <ImagePicker images={images} onInsert={insertAtCursor} />
    </div>
  );
}

/** A link elsewhere and categories: what a post has and a static page has not. */
function PostOnlyFields({
  values,
  categories,
  error,
}: {
  values: PostFormValues;
  categories: AdminCategoryView[];
  error: (name: string) => string | undefined;
}) {
  return (
    <>
      <Field
        idPrefix="post"
        name="externalUrl"
        label="Link to (optional)"
        hint="For a post that points at another page."
        error={error('externalUrl')}
      >
        {(control) => <input {...control} type="url" defaultValue={values.externalUrl} />}
      </Field>
      <fieldset
        className="field editor__categories"
        aria-describedby={error('categories') ? 'post-categories-error' : undefined}
      >
        <legend>Categories</legend>
        {categories.length === 0 ? <p className="muted">No categories yet.</p> : null}
        <ul>
          {categories.map((category) => (
            <li key={category.slug}>
              <label>
                <input
                  type="checkbox"
                  name="categories"
                  value={category.slug}
                  defaultChecked={values.categories.includes(category.slug)}
                />{' '}
                {category.name}
              </label>
            </li>
          ))}
        </ul>
        {error('categories') ? (
          <p className="field__error" id="post-categories-error">
            Categories {error('categories')}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}

/** Which series the post is a part of, and which part: pick one, or start one by its name. */
function SeriesFields({
  series,
  values,
  errors,
}: {
  series: AdminSeriesView[];
  values: PostFormValues;
  errors: { series?: string; part?: string; newSeries?: string };
}) {
  return (
    <fieldset className="field editor__series">
      <legend>Series</legend>
      <Field idPrefix="post" name="series" label="Part of" error={errors.series}>
        {(control) => (
          <select {...control} defaultValue={values.series}>
            <option value="">No series</option>
            {series.map((item) => (
              <option key={item.slug} value={item.slug}>
                {item.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        idPrefix="post"
        name="newSeries"
        label="Or start a new series"
        hint="Its name; the post becomes one of its parts."
        error={errors.newSeries}
      >
        {(control) => (
          <input {...control} type="text" maxLength={120} defaultValue={values.newSeries} />
        )}
      </Field>
      <Field
        idPrefix="post"
        name="seriesPart"
        label="Part number"
        hint="Parts are read in this order; 1 when empty."
        error={errors.part}
      >
        {(control) => (
          <input
            {...control}
            type="number"
            min={1}
            max={MAX_SERIES_PART}
            step={1}
            inputMode="numeric"
            defaultValue={values.seriesPart}
          />
        )}
      </Field>
    </fieldset>
  );
}

/**
 * The author's time zone for the publication date, as the browser knows it. Server-rendered
 * (and without JavaScript) it is UTC, and the label says so.
 */
function useTimeZone(): { name: string; offset: number } {
  const name = useBrowserValue(
    () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'your time zone',
    'UTC',
  );
  const offset = useBrowserValue(() => new Date().getTimezoneOffset(), 0);
  return { name, offset };
}

function PublishControls({
  post,
  error,
}: {
  post: AdminPostView | null;
  error: string | undefined;
}) {
  const zone = useTimeZone();
  const scheduled =
    post?.state === 'scheduled' && post.publishedAt
      ? isoToLocal(post.publishedAt, zone.offset)
      : '';
  return (
    <div className="editor__publish">
      <input type="hidden" name="tzOffset" value={zone.offset} />
      {post ? (
        <p>
          <StateBadge state={post.state} />{' '}
          {post.publishedAt ? (
            <>
              {post.state === 'scheduled' ? 'goes public' : 'public since'}{' '}
              <DateTime iso={post.publishedAt} />
            </>
          ) : (
            'not public'
          )}{' '}
          · version {post.version}
          {post.state === 'published' ? (
            <>
              {' '}
              · <a href={post.kind === 'page' ? `/${post.slug}` : `/posts/${post.slug}`}>view</a>
            </>
          ) : null}
        </p>
      ) : null}
      <div className="button-row">
        {/* A published post's "Save" keeps the edit private; "Update" publishes it. */}
        <button
          type="submit"
          name="intent"
          value={post?.state === 'published' ? 'save-draft' : 'save'}
        >
          {post ? 'Save' : 'Save draft'}
        </button>
        <button type="submit" name="intent" value="preview" className="button--quiet">
          Preview
        </button>
        <button type="submit" name="intent" value="publish">
          {post?.state === 'published' ? 'Update' : 'Publish now'}
        </button>
        {post && post.state !== 'draft' ? (
          <button type="submit" name="intent" value="unpublish" className="button--quiet">
            Unpublish
          </button>
        ) : null}
      </div>
      <div className={error ? 'field field--invalid schedule' : 'field schedule'}>
        <label htmlFor="post-publishAt">Publish at ({zone.name})</label>
        <input
          id="post-publishAt"
          name="publishAt"
          type="datetime-local"
          defaultValue={scheduled}
          key={scheduled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'post-publishAt-error' : undefined}
        />
        <button type="submit" name="intent" value="schedule">
          Schedule
        </button>
        {error ? (
          <p className="field__error" id="post-publishAt-error">
            Publish at {error}
          </p>
        ) : null}
      </div>
      {post ? (
        <p>
          <a href={`/admin/posts/${post.id}/delete`} className="danger-link">
            Delete this post…
          </a>
        </p>
      ) : null}
    </div>
  );
}

/**
 * Uploaded images with their Markdown snippet. With JavaScript "Insert" puts the snippet at the
 * cursor; without, the snippet is there to copy. Uploading goes through a fetcher so the text
 * being edited stays; without JavaScript it lands on the images page.
 */
function ImagePicker({
  images,
  onInsert,
}: {
  images: AdminImageView[];
  onInsert: (snippet: string) => void;
}) {
  const upload = useFetcher<ImageActionResult>({ key: EDITOR_UPLOAD_FETCHER });
  const hydrated = useBrowserValue(() => true, false);
  const uploaded = upload.data?.kind === 'uploaded' ? upload.data.image : null;
  // The page is not reloaded after an upload (revalidation.ts): new images join the list here.
  const [uploads, setUploads] = useState<AdminImageView[]>([]);
  const [lastUpload, setLastUpload] = useState<AdminImageView | null>(null);
  if (uploaded && uploaded !== lastUpload) {
    setLastUpload(uploaded);
    setUploads(imagesWithUploads([], [uploaded, ...uploads]));
  }
  const listed = imagesWithUploads(images, uploads);
  return (
    <aside className="image-picker" aria-labelledby="images-heading">
      <h2 id="images-heading">Images</h2>
      <upload.Form
        method="post"
        action="/admin/images"
        encType="multipart/form-data"
        className="image-upload"
      >
        <CsrfField />
        <label htmlFor="image-file">Upload an image</label>
        <input
          id="image-file"
          name="file"
          type="file"
          accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
          required
        />
        <button type="submit" name="intent" value="upload" disabled={upload.state !== 'idle'}>
          {upload.state === 'idle' ? 'Upload' : 'Uploading…'}
        </button>
      </upload.Form>
      {upload.data?.kind === 'error' ? <Notice kind="error">{upload.data.message}</Notice> : null}
      {uploaded ? (
        <Notice kind="success">
          Uploaded {uploaded.filename}.{' '}
          <button
            type="button"
            className="button--quiet"
            onClick={() => onInsert(uploaded.markdown)}
          >
            Insert it
          </button>
        </Notice>
      ) : null}
      {listed.length === 0 ? <p className="muted">No images uploaded yet.</p> : null}
      <ul className="image-picker__list">
        {listed.map((image) => (
          <li key={image.id}>
            <img src={image.urls['320'] ?? image.url} alt="" width={160} loading="lazy" />
            <code>{image.markdown}</code>
            {hydrated ? (
              <button
                type="button"
                className="button--quiet"
                onClick={() => onInsert(image.markdown)}
              >
                Insert<span className="visually-hidden"> {image.filename}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </aside>
  );
}
