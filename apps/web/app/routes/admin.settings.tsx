import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ApiError } from '../api-client.server.js';
import { type AdminImageView } from '@inkwell/contract';
import { type ApiClient } from '../api-client.server.js';
import { CsrfField, Notice } from '../admin/components.js';
import { adminAct, adminLoad } from '../admin/session.server.js';
import { BLANK_NAVIGATION_ROWS, readSettingsForm } from '../admin/settings-form.js';
import { Field } from '../components/field.js';
import { SITE_NAME } from '../lib/site.js';
import { imageUpload } from '../admin/image-upload.js';

export const meta: MetaFunction = () => [{ title: `Settings · ${SITE_NAME} admin` }];

/** Logo and favicon uploads go through the images API (20 MB each), plus the multipart framing. */
const MAX_FORM_BYTES = 41 * 1024 * 1024;
/** The picker offers the most recent uploads. */
const PICKABLE_IMAGES = 100;

export async function loader(args: LoaderFunctionArgs) {
  return adminLoad(args, async (api) => {
    const [settings, images, pages] = await Promise.all([
      api.get('/api/admin/settings'),
      api.get('/api/admin/images', { query: { page: 1, pageSize: PICKABLE_IMAGES } }),
      api.get('/api/pages'),
    ]);
    return { settings, images: images.items, pages: pages.items };
  });
}

type SettingsResult = { ok: true } | { ok: false; message: string; fields: Record<string, string> };

/** A file chosen in `field` is uploaded first; it then becomes the logo or favicon. */
async function uploadedImageId(api: ApiClient, form: FormData, field: string) {
  const file = form.get(field);
  if (!(file instanceof File) || file.size === 0) return undefined;
  return (await api.post('/api/admin/images', { body: imageUpload(file) })).id;
}

export async function action(args: ActionFunctionArgs): Promise<SettingsResult> {
  if (Number(args.request.headers.get('content-length') ?? 0) > MAX_FORM_BYTES) {
    return {
      ok: false,
      message: 'The files are too large: images may be up to 20 MB.',
      fields: {},
    };
  }
  return adminAct(args, async (api, form) => {
    const input = readSettingsForm(form);
    try {
      const logo = await uploadedImageId(api, form, 'logoFile');
      const favicon = await uploadedImageId(api, form, 'faviconFile');
      await api.patch('/api/admin/settings', {
        body: {
          ...input,
          ...(logo !== undefined ? { logoImageId: logo } : {}),
          ...(favicon !== undefined ? { faviconImageId: favicon } : {}),
        },
      });
      return { ok: true };
    } catch (error) {
      // 400 names the bad fields; 413/415/422 are the upload's (too large, not an image).
      if (error instanceof ApiError && [400, 413, 415, 422].includes(error.status)) {
        return { ok: false, message: error.message, fields: error.fields };
      }
      throw error;
    }
  });
}

export default function AdminSettings() {
  const { settings, images, pages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const fields = result && !result.ok ? result.fields : {};
  const rows = [
    ...settings.navigation,
    ...Array.from({ length: BLANK_NAVIGATION_ROWS }, () => ({ label: '', url: '' })),
  ];
  return (
    <section aria-labelledby="settings-heading">
      <h1 id="settings-heading">Settings</h1>
      {result?.ok ? <Notice kind="success">Settings saved.</Notice> : null}
      {result && !result.ok ? <Notice kind="error">{result.message}</Notice> : null}
      {/* Keyed by the saved version, so a save shows what the API kept. */}
      <Form
        method="post"
        encType="multipart/form-data"
        className="admin-form settings-form"
        key={settings.updatedAt}
      >
        <CsrfField />
        <Field idPrefix="settings" name="title" label="Site title" error={fields.title}>
          {(props) => <input {...props} required defaultValue={settings.title} />}
        </Field>
        <Field
          idPrefix="settings"
          name="description"
          label="Description"
          error={fields.description}
        >
          {(props) => <textarea {...props} rows={2} defaultValue={settings.description} />}
        </Field>
        <Field
          idPrefix="settings"
          name="ownerName"
          label="Author name shown to readers"
          error={fields.ownerName}
        >
          {(props) => <input {...props} defaultValue={settings.ownerName} />}
        </Field>
        <ImageChoice
          name="logo"
          label="Logo"
          current={settings.logo?.id ?? null}
          images={images}
          error={fields.logoImageId}
        />
        <ImageChoice
          name="favicon"
          label="Favicon"
          current={settings.favicon?.id ?? null}
          images={images}
          error={fields.faviconImageId}
        />
        <fieldset className="field settings-form__navigation">
          <legend>Navigation links</legend>
          <p className="field__hint">
            Shown in the header after “Posts”. A path on this site (/posts/about) or a full http(s)
            address; leave a row empty to drop it.
          </p>
          {rows.map((link, index) => (
            <div className="settings-form__link" key={index}>
              <label>
                Label {index + 1}
                <input name="navLabel" defaultValue={link.label} />
              </label>
              <label>
                URL {index + 1}
                <input name="navUrl" defaultValue={link.url} />
              </label>
              {fields[`navigation.${index}.label`] || fields[`navigation.${index}.url`] ? (
                <p className="field__error">
                  Link {index + 1}:{' '}
                  {[
                    fields[`navigation.${index}.label`] &&
                      `label ${fields[`navigation.${index}.label`]}`,
                    fields[`navigation.${index}.url`] && `URL ${fields[`navigation.${index}.url`]}`,
                  ]
                    .filter(Boolean)
                    .join('; ')}
                </p>
              ) : null}
            </div>
          ))}
          {fields.navigation ? <p className="field__error">{fields.navigation}</p> : null}
        </fieldset>
        <fieldset className="field settings-form__pages">
          <legend>Pages in the navigation</legend>
          {pages.length === 0 ? (
            <p className="field__hint">
              No published pages yet: write one under Pages. Published pages show in the header
              after “Posts”, in the order set here.
            </p>
          ) : (
            <>
              <p className="field__hint">
                Published pages show in the header after “Posts”, by these positions (lowest first).
              </p>
              {pages.map((page, index) => (
                <div className="settings-form__page" key={page.id}>
                  <input type="hidden" name="pageId" value={page.id} />
                  <label>
                    Position of “{page.title}”{' '}
                    <input
                      name="pagePosition"
                      type="number"
                      min={1}
                      max={100}
                      defaultValue={index + 1}
                    />
                  </label>
                </div>
              ))}
            </>
          )}
          {fields.pageOrder ? <p className="field__error">Pages {fields.pageOrder}</p> : null}
        </fieldset>
        <Field
          idPrefix="settings"
          name="postsPerPage"
          label="Posts per page"
          error={fields.postsPerPage}
        >
          {(props) => (
            <input
              {...props}
              type="number"
              min={1}
              max={50}
              required
              defaultValue={settings.postsPerPage}
            />
          )}
        </Field>
        <fieldset className="field">
          <legend>Comments</legend>
          <label>
            <input
              type="checkbox"
              name="commentsEnabled"
              defaultChecked={settings.commentsEnabled}
            />{' '}
            Readers may comment
          </label>
          <label>
            <input
              type="checkbox"
              name="holdFirstComments"
              defaultChecked={settings.holdFirstComments}
            />{' '}
            Hold a commenter’s first comment for moderation
          </label>
        </fieldset>
        <fieldset className="field">
          <legend>Feeds</legend>
          <label>
            <input
              type="checkbox"
              name="fullContentFeeds"
              defaultChecked={settings.fullContentFeeds}
            />{' '}
            Whole posts in the feeds (RSS, Atom, JSON Feed), not only their summaries
          </label>
        </fieldset>
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save settings'}
        </button>
      </Form>
    </section>
  );
}

function ImageChoice({
  name,
  label,
  current,
  images,
  error,
}: {
  name: 'logo' | 'favicon';
  label: string;
  current: number | null;
  images: AdminImageView[];
  error: string | undefined;
}) {
  return (
    <fieldset className={error ? 'field field--invalid' : 'field'}>
      <legend>{label}</legend>
      <label>
        Uploaded image{' '}
        <select name={`${name}ImageId`} defaultValue={current ?? ''}>
          <option value="">None (the Inkwell mark)</option>
          {images.map((image) => (
            <option key={image.id} value={image.id}>
              {image.filename} ({image.width}×{image.height})
            </option>
          ))}
        </select>
      </label>
      <label>
        Or upload a new one <input type="file" name={`${name}File`} accept="image/*" />
      </label>
      {error ? <p className="field__error">{`${label} ${error}`}</p> : null}
    </fieldset>
  );
}
