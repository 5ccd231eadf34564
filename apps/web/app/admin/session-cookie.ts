/*
 * The admin session lives in one cookie holding the API's bearer token and the session's CSRF
 * token, `<token>.<csrfToken>`, unsigned: the API checks the token on every request, so a
 * forged or altered cookie is just an unknown session (401). That needs no server secret to
 * configure, keep or rotate. HttpOnly keeps it from scripts, SameSite=Lax keeps it off
 * cross-site posts (the CSRF token covers the rest).
 *
 * Path=/ rather than /admin: with JavaScript on, Remix loads the panel's data from
 * `/admin.data`, a path a `Path=/admin` cookie does not cover, and the sign-in looped back to
 * the form. Readers' pages never read the cookie, and the page cache neither stores nor
 * serves a request carrying one (server/page-cache.ts), so no page varies on it.
 */

export const SESSION_COOKIE = 'inkwell_admin';

export interface AdminSession {
  token: string;
  csrfToken: string;
}

/** Both tokens are base64url; anything else in the cookie was not written by us. */
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

export function readAdminSession(cookieHeader: string | null): AdminSession | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, value] = part.trim().split('=', 2);
    if (name !== SESSION_COOKIE || !value) continue;
    const [token, csrfToken, ...rest] = value.split('.');
    if (rest.length === 0 && token && csrfToken && TOKEN.test(token) && TOKEN.test(csrfToken)) {
      return { token, csrfToken };
    }
  }
  return null;
}

interface CookieOptions {
  secure: boolean;
}

/** Set-Cookie for a new session, lasting as long as the API says the session does. */
export function sessionCookie(
  session: AdminSession,
  expiresAt: Date,
  { secure }: CookieOptions,
): string {
  return cookieLine(`${session.token}.${session.csrfToken}`, expiresAt, secure);
}

/** Set-Cookie that makes the browser forget the session. */
export function clearedSessionCookie({ secure }: CookieOptions): string {
  return cookieLine('', new Date(0), secure);
}

function cookieLine(value: string, expires: Date, secure: boolean): string {
  const attributes = [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    `Expires=${expires.toUTCString()}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (secure) attributes.push('Secure');
  return attributes.join('; ');
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
