import {
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { ApiError } from '../api-client.server.js';
import { connectionOf, createApiClient } from '../api-client.server.js';
import { Notice } from '../admin/components.js';
import { cookieSettings, sessionCookie } from '../admin/session-cookie.js';
import { Field } from '../components/field.js';
import { SITE_NAME } from '../lib/site.js';
import adminStyles from '../styles/admin.css?url';
import { readForm } from '../lib/read-form.server.js';

/*
 * The first run: while the site has no user, /admin and /admin/login lead here. The owner
 * names the site, creates their account and chooses whether the demo posts stay; the API
 * accepts this once, then they are signed in like after a login.
 */

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminStyles }];

export const meta: MetaFunction = () => [
  { title: `Set up your site · ${SITE_NAME}` },
  { name: 'robots', content: 'noindex' },
];

export async function loader({ context }: LoaderFunctionArgs) {
  const api = createApiClient(connectionOf(context));
  if (!(await api.get('/api/admin/setup')).required) throw redirect('/admin/login');
  return null;
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const input = {
    title: text(form, 'title'),
    description: text(form, 'description'),
    name: text(form, 'name'),
    email: text(form, 'email'),
    password: text(form, 'password'),
    demoContent: form.get('demoContent') === 'remove' ? ('remove' as const) : ('keep' as const),
  };
  const api = createApiClient(connectionOf(context));
  try {
    const login = await api.post('/api/admin/setup', { body: input });
    const cookie = await sessionCookie(
      login,
      new Date(login.expiresAt),
      cookieSettings(request, context),
    );
    return redirect('/admin/posts', { headers: { 'Set-Cookie': cookie } });
  } catch (error) {
    // Someone finished the setup first: the site has its owner, who signs in.
    if (error instanceof ApiError && error.status === 409) throw redirect('/admin/login');
    if (error instanceof ApiError && error.status === 400) {
      const { password: _secret, ...values } = input;
      return { values, fields: error.fields, message: error.message };
    }
    throw error;
  }
}

export function headers() {
  return { 'Cache-Control': 'private, no-store' };
}

export default function Setup() {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const values = result?.values;
  const fields = result?.fields ?? {};
  return (
    <div className="admin-login admin-setup">
      <h1>Set up your site</h1>
      <p>Name your blog and create the owner’s account. You can change all of this later.</p>
      {result ? <Notice kind="error">Please correct the fields marked below.</Notice> : null}
      <Form method="post" className="admin-form" aria-label="Set up your site">
        <Field idPrefix="setup" name="title" label="Site title" error={fields.title}>
          {(props) => <input {...props} required defaultValue={values?.title ?? ''} />}
        </Field>
        <Field idPrefix="setup" name="description" label="Description" error={fields.description}>
          {(props) => <textarea {...props} rows={2} defaultValue={values?.description ?? ''} />}
        </Field>
        <Field idPrefix="setup" name="name" label="Your name" error={fields.name}>
          {(props) => (
            <input {...props} required autoComplete="name" defaultValue={values?.name ?? ''} />
          )}
        </Field>
        <Field idPrefix="setup" name="email" label="Email" error={fields.email}>
          {(props) => (
            <input
              {...props}
              type="email"
              required
              autoComplete="username"
              defaultValue={values?.email ?? ''}
            />
          )}
        </Field>
        <Field
          idPrefix="setup"
          name="password"
          label="Password"
          hint="At least 10 characters."
          error={fields.password}
        >
          {(props) => (
            <input {...props} type="password" required minLength={10} autoComplete="new-password" />
          )}
        </Field>
        <fieldset className="field">
          <legend>Content</legend>
          <label>
            <input
              type="radio"
              name="demoContent"
              value="keep"
              defaultChecked={values?.demoContent !== 'remove'}
            />{' '}
            Keep the demo posts
          </label>
          <label>
            <input
              type="radio"
              name="demoContent"
              value="remove"
              defaultChecked={values?.demoContent === 'remove'}
            />{' '}
            Start empty
          </label>
        </fieldset>
        <button type="submit" disabled={busy}>
          {busy ? 'Setting up…' : 'Create my site'}
        </button>
      </Form>
    </div>
  );
}
