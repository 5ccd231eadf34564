import {
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ApiError } from '../api-client.server.js';
import { connectionOf, createApiClient } from '../api-client.server.js';
import { Notice } from '../admin/components.js';
import { cookieSettings, safeAdminPath, sessionCookie } from '../admin/session-cookie.js';
import { SITE_NAME } from '../lib/site.js';
import adminStyles from '../styles/admin.css?url';
import { readForm } from '../lib/read-form.server.js';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminStyles }];

export const meta: MetaFunction = () => [
  { title: `Log in · ${SITE_NAME} admin` },
  { name: 'robots', content: 'noindex' },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  // A site without any user is set up first (it then signs its owner in).
  const api = createApiClient(connectionOf(context));
  if ((await api.get('/api/admin/setup')).required) throw redirect('/admin/setup');
  const url = new URL(request.url);
  return {
    next: safeAdminPath(url.searchParams.get('next')),
    loggedOut: url.searchParams.has('loggedOut'),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const email = String(form.get('email') ?? '').trim();
  const password = String(form.get('password') ?? '');
  const next = safeAdminPath(String(form.get('next') ?? ''));
  if (!email || !password) return { email, error: 'Enter your email and password.' };
  const api = createApiClient(connectionOf(context));
  try {
    const login = await api.post('/api/admin/session', {
      body: { email: email, password: password },
    });
    const cookie = await sessionCookie(
      login,
      new Date(login.expiresAt),
      cookieSettings(request, context),
    );
    return redirect(next, { headers: { 'Set-Cookie': cookie } });
  } catch (error) {
    // 401 (wrong email or password), 429 (too many attempts) and 400 say what went wrong.
    if (error instanceof ApiError && [400, 401, 429].includes(error.status)) {
      return { email, error: error.message };
    }
    throw error;
  }
}

export function headers() {
  return { 'Cache-Control': 'private, no-store' };
}

export default function Login() {
  const { next, loggedOut } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  return (
    <div className="admin-login">
      <h1>Log in to write</h1>
      {loggedOut && !result ? <Notice kind="success">You are logged out.</Notice> : null}
      {result?.error ? <Notice kind="error">{result.error}</Notice> : null}
      <Form method="post" className="admin-form" aria-label="Log in">
        <input type="hidden" name="next" value={next} />
        <div className="field">
          <label htmlFor="login-email">Email</label>
          <input
            id="login-email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={result?.email ?? ''}
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">Password</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </Form>
    </div>
  );
}
