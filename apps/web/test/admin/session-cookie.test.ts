import { describe, expect, it } from 'vitest';
import {
  clearedSessionCookie,
  cookieSettings,
  isSecureRequest,
  readAdminSession,
  safeAdminPath,
  SESSION_COOKIE,
  sessionCookie,
} from '../../app/admin/session-cookie.js';

const token = 'k3Jx'.repeat(10) + 'abc';
const csrfToken = 'Zq1_'.repeat(10) + 'x-y';
const secret = 'a-secret-of-at-least-thirty-two-characters';
const plain = { secret, secure: false };

/** The `name=value` pair a browser sends back for a Set-Cookie line. */
const pairOf = (line: string) => line.split(';')[0]!;

describe('the admin session cookie', () => {
  it('round-trips both tokens through Set-Cookie and Cookie', async () => {
    const line = await sessionCookie({ token, csrfToken }, new Date('2026-12-26T10:00:00Z'), plain);
    expect(await readAdminSession(`theme=dark; ${pairOf(line)}; other=1`, secret)).toEqual({
      token,
      csrfToken,
    });
  });

  it('is HttpOnly, SameSite=Lax, sent with every request of the panel (Path=/), and expires with the API session', async () => {
    const line = await sessionCookie({ token, csrfToken }, new Date('2026-12-26T10:00:00Z'), plain);
    expect(line).toContain('HttpOnly');
    expect(line).toContain('SameSite=Lax');
    expect(line).toContain('Path=/;');
    expect(line).toContain('Expires=Sat, 26 Dec 2026 10:00:00 GMT');
    expect(line).not.toContain('Secure');
    const secure = await sessionCookie({ token, csrfToken }, new Date(), { secret, secure: true });
    expect(secure).toMatch(/; Secure/);
  });

  it('clears with an empty value dated in the past', async () => {
    const line = await clearedSessionCookie({ secret, secure: true });
    expect(line).toMatch(/^inkwell_admin=; Path=\/; Expires=Thu, 01 Jan 1970/);
    expect(await readAdminSession(pairOf(line), secret)).toBeNull();
  });

  it('is signed: a cookie signed with another secret, altered, or unsigned is no session', async () => {
    const line = await sessionCookie({ token, csrfToken }, new Date(), plain);
    expect(
      await readAdminSession(pairOf(line), 'another-secret-of-thirty-two-characters'),
    ).toBeNull();
    const [name, value] = pairOf(line).split('=', 2) as [string, string];
    const [data, signature] = value.split('.') as [string, string];
    const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expect(await readAdminSession(`${name}=${data}.${flipped}`, secret)).toBeNull();
    expect(await readAdminSession(`${name}=${data}`, secret)).toBeNull();
    // The unsigned form this cookie once had.
    expect(await readAdminSession(`${SESSION_COOKIE}=${token}.${csrfToken}`, secret)).toBeNull();
  });

  it('ignores a signed value that is not a session', async () => {
    expect(await readAdminSession(null, secret)).toBeNull();
    const signed = (value: unknown) =>
      sessionCookie(value as { token: string; csrfToken: string }, new Date(), plain).then(pairOf);
    expect(await readAdminSession(await signed({ token: 'short', csrfToken }), secret)).toBeNull();
    expect(
      await readAdminSession(await signed({ token, csrfToken: '<script>' }), secret),
    ).toBeNull();
  });

  it('takes the secret from the load context and Secure from the request', () => {
    const request = new Request('http://127.0.0.1/admin', {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(cookieSettings(request, { sessionSecret: secret, siteUrl: 'http://x' })).toEqual({
      secret,
      secure: true,
    });
  });
});

describe('isSecureRequest', () => {
  const request = (url: string, headers: Record<string, string> = {}) =>
    new Request(url, { headers });

  it('follows the first X-Forwarded-Proto hop, the URL, or an https SITE_URL', () => {
    expect(isSecureRequest(request('http://127.0.0.1/admin'), 'http://localhost:3000')).toBe(false);
    expect(
      isSecureRequest(
        request('http://127.0.0.1/admin', { 'x-forwarded-proto': 'https, http' }),
        'http://x',
      ),
    ).toBe(true);
    expect(
      isSecureRequest(
        request('http://127.0.0.1/admin', { 'x-forwarded-proto': 'http, https' }),
        'http://x',
      ),
    ).toBe(false);
    expect(isSecureRequest(request('https://blog.example/admin'), 'http://x')).toBe(true);
    expect(isSecureRequest(request('http://127.0.0.1/admin'), 'https://blog.example')).toBe(true);
  });
});

describe('safeAdminPath', () => {
  it('keeps paths inside the admin panel', () => {
    expect(safeAdminPath('/admin/posts/3?done=saved')).toBe('/admin/posts/3?done=saved');
    expect(safeAdminPath('/admin')).toBe('/admin');
    expect(safeAdminPath('/admin/posts/../comments?status=all')).toBe('/admin/comments?status=all');
  });

  it('sends anything else to the post list', () => {
    for (const next of [
      null,
      '',
      'https://evil.example/admin',
      '//evil.example',
      '/administrator',
      '/posts/x',
      '/admin/login?next=/admin',
      '/admin/../\\evil.example/phish',
      '/admin/..\\\\evil.example',
      '/\\evil.example/admin',
      '/admin/../../posts',
    ]) {
      expect(safeAdminPath(next)).toBe('/admin/posts');
    }
  });
});
