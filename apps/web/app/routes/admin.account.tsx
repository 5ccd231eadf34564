import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { type ProfileInput } from '@inkwell/contract';
import { ApiError, type ApiClient } from '../api-client.server.js';
import { CsrfField, Notice } from '../admin/components.js';
import { imageUpload } from '../admin/image-upload.js';
import { useAdminLayout } from '../admin/layout-data.js';
import { adminAct, adminLoad } from '../admin/session.server.js';
import { authorPath } from '../lib/author-paths.js';
import { Field } from '../components/field.js';
import { SITE_NAME } from '../lib/site.js';

export const meta: MetaFunction = () => [{ title: `Your account · ${SITE_NAME} admin` }];

/** The API's shortest password; it checks it too, this only spares a round trip. */
const MIN_PASSWORD_LENGTH = 10;

type FormResult =
  { ok: true } | { ok: false; fieldErrors: Record<string, string>; formError: string | null };
type AccountResult = FormResult & { form: 'profile' | 'password' };

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

/** An avatar upload goes through the images API (20 MB), plus the multipart framing. */
const MAX_FORM_BYTES = 21 * 1024 * 1024;

export async function loader(args: LoaderFunctionArgs) {
  return adminLoad(args, async (api) => ({ profile: await api.get('/api/admin/account') }));
}

export async function action(args: ActionFunctionArgs): Promise<AccountResult> {
  if (Number(args.request.headers.get('content-length') ?? 0) > MAX_FORM_BYTES) {
    return {
      form: 'profile',
      ok: false,
      fieldErrors: {},
      formError: 'The avatar is too large: images may be up to 20 MB.',
    };
  }
  return adminAct(args, async (api, form) =>
    form.get('intent') === 'profile'
      ? { form: 'profile', ...(await saveProfile(api, form)) }
      : { form: 'password', ...(await changePassword(api, form)) },
  );
}

/** Name, address, bio and avatar: a chosen file is uploaded first, then becomes the avatar. */
async function saveProfile(api: ApiClient, form: FormData): Promise<FormResult> {
  const input: ProfileInput = {
    name: text(form, 'name'),
    slug: text(form, 'slug'),
    bio: text(form, 'bio').replace(/\r\n?/g, '\n'),
  };
  try {
    const file = form.get('avatarFile');
    if (file instanceof File && file.size > 0) {
      input.avatarImageId = (await api.post('/api/admin/images', { body: imageUpload(file) })).id;
    } else if (form.has('removeAvatar')) {
      input.avatarImageId = null;
    }
    await api.patch('/api/admin/account', { body: input });
    return { ok: true };
  } catch (error) {
    // 400/409 name the bad fields; 413/415/422 are the upload's (too large, not an image).
    if (error instanceof ApiError && [400, 409, 413, 415, 422].includes(error.status)) {
      const hasFields = Object.keys(error.fields).length > 0;
      return { ok: false, fieldErrors: error.fields, formError: hasFields ? null : error.message };
    }
    throw error;
  }
}

/** Passwords are never sent back to the page: a refusal answers only what was wrong. */
async function changePassword(api: ApiClient, form: FormData): Promise<FormResult> {
  const currentPassword = text(form, 'currentPassword');
  const newPassword = text(form, 'newPassword');
  if (newPassword !== text(form, 'confirmPassword')) {
    return {
      ok: false,
      fieldErrors: { confirmPassword: 'must repeat the new password exactly' },
      formError: null,
    };
  }
  try {
    await api.put('/api/admin/account/password', {
      body: { currentPassword: currentPassword, newPassword: newPassword },
    });
    return { ok: true };
  } catch (error) {
    // 400: a field is wrong (the current password among them); 429: too many wrong guesses.
    if (error instanceof ApiError && [400, 429].includes(error.status)) {
      const hasFields = Object.keys(error.fields).length > 0;
      return {
        ok: false,
        fieldErrors: error.fields,
        formError: hasFields ? null : error.message,
      };
    }
    throw error;
  }
}

export default function Account() {
  const { user } = useAdminLayout();
  const { profile } = useLoaderData<typeof loader>();
  const submitted = useActionData<typeof action>();
  const result = submitted?.form === 'password' ? submitted : undefined;
  const fieldErrors = result && !result.ok ? result.fieldErrors : {};
  return (
    <section aria-labelledby="account-heading">
      <h1 id="account-heading">Your account</h1>
      <p>
        {user.name} · {user.email} · {user.role === 'ADMIN' ? 'admin' : 'author'}
      </p>
      <ProfileForm
        profile={profile}
        result={submitted?.form === 'profile' ? submitted : undefined}
      />
      <h2>Change your password</h2>
      {result?.ok ? (
        <Notice kind="success">
          Password changed. Your other sessions were signed out; this one stays.
        </Notice>
      ) : null}
      {result && !result.ok && result.formError ? (
        <Notice kind="error">{result.formError}</Notice>
      ) : null}
      {/* A new key after each answer empties the fields: passwords never linger in the form. */}
      <Form
        method="post"
        className="admin-form account-form"
        aria-label="Change your password"
        key={JSON.stringify(result ?? null)}
      >
        <CsrfField />
        <Field
          idPrefix="account"
          name="currentPassword"
          label="Current password"
          error={fieldErrors.currentPassword}
        >
          {(control) => (
            <input {...control} type="password" autoComplete="current-password" required />
          )}
        </Field>
        <Field
          idPrefix="account"
          name="newPassword"
          label="New password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          error={fieldErrors.newPassword}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              minLength={MIN_PASSWORD_LENGTH}
              required
            />
          )}
        </Field>
        <Field
          idPrefix="account"
          name="confirmPassword"
          label="New password again"
          error={fieldErrors.confirmPassword}
        >
          {(control) => <input {...control} type="password" autoComplete="new-password" required />}
        </Field>
        <button type="submit">Change password</button>
      </Form>
    </section>
  );
}

function ProfileForm({
  profile,
  result,
}: {
  profile: ReturnType<typeof useLoaderData<typeof loader>>['profile'];
  result: FormResult | undefined;
}) {
  const fieldErrors = result && !result.ok ? result.fieldErrors : {};
  return (
    <>
      <h2 id="profile-heading">Your author page</h2>
      <p className="muted">
        Readers see your name on your posts; it links to{' '}
        {profile.slug ? (
          <a href={authorPath(profile.slug)}>{authorPath(profile.slug)}</a>
        ) : (
          'your page'
        )}{' '}
        (once you have published a post), with your bio and avatar.
      </p>
      {result?.ok ? <Notice kind="success">Profile saved.</Notice> : null}
      {result && !result.ok && result.formError ? (
        <Notice kind="error">{result.formError}</Notice>
      ) : null}
      <Form
        method="post"
        encType="multipart/form-data"
        className="admin-form account-form"
        aria-labelledby="profile-heading"
        key={JSON.stringify(profile)}
      >
        <CsrfField />
        <input type="hidden" name="intent" value="profile" />
        <Field idPrefix="profile" name="name" label="Name" error={fieldErrors.name}>
          {(control) => (
            <input {...control} type="text" required maxLength={100} defaultValue={profile.name} />
          )}
        </Field>
        <Field
          idPrefix="profile"
          name="slug"
          label="Address of your page"
          hint="/authors/<this>: lowercase letters and digits separated by dashes."
          error={fieldErrors.slug}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              required
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              defaultValue={profile.slug ?? ''}
            />
          )}
        </Field>
        <Field idPrefix="profile" name="bio" label="Bio (Markdown)" error={fieldErrors.bio}>
          {(control) => <textarea {...control} rows={4} defaultValue={profile.bio} />}
        </Field>
        <fieldset
          className={
            fieldErrors.avatarImageId ? 'field avatar-field field--invalid' : 'field avatar-field'
          }
        >
          <legend>Avatar</legend>
          {profile.avatar ? (
            <p>
              <img src={profile.avatar.url} alt="Your current avatar" width="64" height="64" />{' '}
              <label>
                <input type="checkbox" name="removeAvatar" /> Remove it
              </label>
            </p>
          ) : null}
          <label>
            Upload an image <input type="file" name="avatarFile" accept="image/*" />
          </label>
          {fieldErrors.avatarImageId ? (
            <p className="field__error">Avatar {fieldErrors.avatarImageId}</p>
          ) : null}
        </fieldset>
        <button type="submit">Save profile</button>
      </Form>
    </>
  );
}
