import { type AppLoadContext, redirect } from '@remix-run/node';
import { ApiError, rethrowApiRefusal } from '../api-client.server.js';
import { readForm } from '../lib/read-form.server.js';
import { type ApiClient, connectionOf, createApiClient } from '../api-client.server.js';
import { CSRF_FIELD } from './csrf.js';
import {
  type AdminSession,
  clearedSessionCookie,
  cookieSettings,
  readAdminSession,
} from './session-cookie.js';

/*
 * Glue between admin routes and the admin API: who is calling (the cookie), how the API's
 * 401/403 become a trip to the login page or a "not allowed" page, and which CSRF token a
 * write carries (the one in the submitted form, so a forged cross-site form cannot write).
 */

interface RouteArgs {
  request: Request;
  context: AppLoadContext;
}

/** The login page, remembering where the visitor was going; the stale cookie is dropped. */
async function toLogin({ request, context }: RouteArgs): Promise<Response> {
  const url = new URL(request.url);
  const next = `${url.pathname}${url.search}`;
  return redirect(`/admin/login?next=${encodeURIComponent(next)}`, {
    headers: { 'Set-Cookie': await clearedSessionCookie(cookieSettings(request, context)) },
  });
}

async function requireSession(args: RouteArgs): Promise<AdminSession> {
  const session = await readAdminSession(
    args.request.headers.get('Cookie'),
    args.context.sessionSecret,
  );
  if (!session) throw await toLogin(args);
  return session;
}

/** 401 means the session is gone: log in again. 403 is shown as "not allowed". */
async function rethrowAuthErrors(args: RouteArgs, error: unknown): Promise<never> {
  if (error instanceof ApiError && error.status === 401) throw await toLogin(args);
  if (error instanceof ApiError && error.status === 403) {
    throw new Response(error.message, { status: 403, statusText: 'Forbidden' });
  }
  rethrowApiRefusal(error);
}

/** Session tokens are base64url; anything else cannot be one and could not even be sent as a header. */
const CSRF_TOKEN = /^[A-Za-z0-9_-]{1,200}$/;

/** The form's CSRF token; a field that cannot be a token is a forged form (403). */
function formCsrfToken(form: FormData): string | undefined {
  const csrf = form.get(CSRF_FIELD);
  if (csrf === null) return undefined;
  if (typeof csrf !== 'string' || !CSRF_TOKEN.test(csrf)) {
    throw new Response('Forbidden: invalid CSRF token', { status: 403, statusText: 'Forbidden' });
  }
  return csrf;
}

function apiWith(context: AppLoadContext, session: AdminSession, csrfToken?: string): ApiClient {
  return createApiClient({ ...connectionOf(context), token: session.token, csrfToken });
}

/** Runs a loader's reads as the logged-in user; no session or a dead one leads to login. */
export async function adminLoad<T>(
  args: RouteArgs,
  read: (api: ApiClient, session: AdminSession) => Promise<T>,
): Promise<T> {
  const session = await requireSession(args);
  try {
    return await read(apiWith(args.context, session), session);
  } catch (error) {
    return rethrowAuthErrors(args, error);
  }
}

/**
 * Runs an action's writes with the CSRF token the form carried. `write` handles the refusals
 * it expects (400, 409...); 401, 403 and 404 are answered here.
 */
export async function adminAct<T>(
  args: RouteArgs,
  write: (api: ApiClient, form: FormData, session: AdminSession) => Promise<T>,
): Promise<T> {
  const session = await requireSession(args);
  const form = await readForm(args.request);
  try {
    return await write(apiWith(args.context, session, formCsrfToken(form)), form, session);
  } catch (error) {
    return rethrowAuthErrors(args, error);
  }
}
