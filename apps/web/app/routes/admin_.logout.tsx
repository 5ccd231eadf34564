import { type ActionFunctionArgs, redirect } from '@remix-run/node';
import { ApiError } from '../api-client.server.js';
import { connectionOf, createApiClient } from '../api-client.server.js';
import { CSRF_FIELD } from '../admin/csrf.js';
import { clearedSessionCookie, cookieSettings, readAdminSession } from '../admin/session-cookie.js';
import { readForm } from '../lib/read-form.server.js';

/** Ends this session (or, with scope=everywhere, every session of the user), then forgets it. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const session = await readAdminSession(request.headers.get('Cookie'), context.sessionSecret);
  if (session) {
    const api = createApiClient({
      ...connectionOf(context),
      token: session.token,
      csrfToken: String(form.get(CSRF_FIELD) ?? ''),
    });
    try {
      await (form.get('scope') === 'everywhere'
        ? api.delete('/api/admin/sessions')
        : api.delete('/api/admin/session'));
    } catch (error) {
      // Already logged out (401) is the outcome wanted; a forged form (403) must change nothing.
      if (error instanceof ApiError && error.status === 403) {
        throw new Response(error.message, { status: 403, statusText: 'Forbidden' });
      }
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
  }
  return redirect('/admin/login?loggedOut', {
    headers: { 'Set-Cookie': await clearedSessionCookie(cookieSettings(request, context)) },
  });
}

/** A GET (a typed URL) only shows the login page; logging out is a POST. */
export function loader() {
  return redirect('/admin/login');
}
