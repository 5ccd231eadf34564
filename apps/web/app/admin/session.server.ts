import { type AppLoadContext, redirect } from '@remix-run/node';
import { ApiError } from '../api.server.js';
import { type AdminApi, createAdminApi } from './admin-api.server.js';
import { CSRF_FIELD } from './csrf.js';
import {
  type AdminSession,
  clearedSessionCookie,
  isSecureRequest,
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
function toLogin({ request, context }: RouteArgs): Response {
  const url = new URL(request.url);
  const next = `${url.pathname}${url.search}`;
  return redirect(`/admin/login?next=${encodeURIComponent(next)}`, {
    headers: {
      'Set-Cookie': clearedSessionCookie({ secure: isSecureRequest(request, context.siteUrl) }),
    },
  });
}

function requireSession(args: RouteArgs): AdminSession {
  const session = readAdminSession(args.request.headers.get('Cookie'));
  if (!session) throw toLogin(args);
  return session;
}

/** 401 means the session is gone: log in again. 403 is shown as "not allowed". */
function rethrowAuthErrors(args: RouteArgs, error: unknown): never {
  if (error instanceof ApiError && error.status === 401) throw toLogin(args);
  if (error instanceof ApiError && error.status === 403) {
    throw new Response(error.message, { status: 403, statusText: 'Forbidden' });
  }
  if (error instanceof ApiError && error.status === 404) {
    throw new Response('Not Found', { status: 404, statusText: 'Not Found' });
  }
  throw error;
}

function apiWith(context: AppLoadContext, session: AdminSession, csrfToken?: string): AdminApi {
  return createAdminApi({
    baseUrl: context.apiUrl,
    token: session.token,
    csrfToken,
    clientIp: context.clientIp,
  });
}

/** Runs a loader's reads as the logged-in user; no session or a dead one leads to login. */
export async function adminLoad<T>(
  args: RouteArgs,
  read: (api: AdminApi, session: AdminSession) => Promise<T>,
): Promise<T> {
  const session = requireSession(args);
  try {
    return await read(apiWith(args.context, session), session);
  } catch (error) {
    rethrowAuthErrors(args, error);
  }
}

/**
 * Runs an action's writes with the CSRF token the form carried. `write` handles the refusals
 * it expects (400, 409...); 401, 403 and 404 are answered here.
 */
export async function adminAct<T>(
  args: RouteArgs,
  write: (api: AdminApi, form: FormData, session: AdminSession) => Promise<T>,
): Promise<T> {
  const session = requireSession(args);
  const form = await args.request.formData();
  const csrf = form.get(CSRF_FIELD);
  try {
    return await write(
      apiWith(args.context, session, typeof csrf === 'string' ? csrf : undefined),
      form,
      session,
    );
  } catch (error) {
    rethrowAuthErrors(args, error);
  }
}
