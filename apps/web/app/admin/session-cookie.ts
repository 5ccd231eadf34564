import { type AppLoadContext, type Cookie, createCookie } from '@remix-run/node';
import { z } from 'zod';

/*
 * The admin session lives in one cookie holding the API's bearer token and the session's CSRF
 * token, signed by the site (Remix's `createCookie`, HMAC-SHA256 with SESSION_SECRET or the
 * secret kept in DATA_DIR): a cookie whose signature does not match is no session at all, and
 * never reaches the API. The API still checks the token on every request. HttpOnly keeps it
 * from scripts, SameSite=Lax keeps it off cross-site posts (the CSRF token covers the rest).
 *
 * Path=/ rather than /admin: with JavaScript on, Remix loads the panel's data from
 * `/admin.data`, a path a `Path=/admin` cookie does not cover, and the sign-in looped back to
 * the form. Readers' pages never read the cookie, and the page cache neither stores nor
 * serves a request carrying one (server/page-cache.ts), so no page varies on it.
 */

export const SESSION_COOKIE = 'inkwell_admin';

/** Both tokens are base64url; anything else in the cookie was not written by us. */
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

const adminSessionSchema = z.strictObject({
  token: z.string().regex(TOKEN),
  csrfToken: z.string().regex(TOKEN),
});

export type AdminSession = z.infer<typeof adminSessionSchema>;

/** How this request's cookie is signed and whether it may travel over http. */
export interface CookieSettings {
  secret: string;
  secure: boolean;
}

export function cookieSettings(
  request: Request,
  context: Pick<AppLoadContext, 'sessionSecret' | 'siteUrl'>,
): CookieSettings {
  return { secret: context.sessionSecret, secure: isSecureRequest(request, context.siteUrl) };
}

function adminCookie(secret: string): Cookie {
  return createCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secrets: [secret],
  });
}

/** The session in the request's cookie; a missing, unsigned or altered cookie is none. */
export async function readAdminSession(
  cookieHeader: string | null,
  secret: string,
): Promise<AdminSession | null> {
  const parsed = adminSessionSchema.safeParse(await adminCookie(secret).parse(cookieHeader));
  return parsed.success ? parsed.data : null;
}

/** Set-Cookie for a new session, lasting as long as the API says the session does. */
export function sessionCookie(
  session: AdminSession,
  expiresAt: Date,
  { secret, secure }: CookieSettings,
): Promise<string> {
  const { token, csrfToken } = session;
  return adminCookie(secret).serialize({ token, csrfToken }, { expires: expiresAt, secure });
}

/** Set-Cookie that makes the browser forget the session. */
export function clearedSessionCookie({ secret, secure }: CookieSettings): Promise<string> {
  return adminCookie(secret).serialize('', { expires: new Date(0), secure });
}

/**
 * Whether the visitor reached us over https: directly, through a proxy that says so
 * (X-Forwarded-Proto, first hop), or because the site's public URL is https.
 */
export function isSecureRequest(request: Request, siteUrl: string): boolean {
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  return (
    forwarded === 'https' ||
    new URL(request.url).protocol === 'https:' ||
    siteUrl.startsWith('https:')
  );
}

/** Stands in for the site's origin: `next` is resolved against it the way a browser would. */
const SAME_ORIGIN = 'http://inkwell.invalid';

/**
 * Where to go after logging in: only a path inside the admin panel, never another site. The
 * path is resolved as a browser resolves it (`..`, backslashes, tabs), so `/admin/../\x.example`
 * cannot turn into `//x.example`, and the resolved path is what the redirect carries.
 */
export function safeAdminPath(next: string | null): string {
  const fallback = '/admin/posts';
  if (!next || !next.startsWith('/') || next.startsWith('//')) return fallback;
  let url: URL;
  try {
    url = new URL(next, SAME_ORIGIN);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (
    url.origin !== SAME_ORIGIN ||
    !/^\/admin(?:[/?#]|$)/.test(path) ||
    path.startsWith('/admin/login') ||
    path.startsWith('//')
  ) {
    return fallback;
  }
  return path;
}
