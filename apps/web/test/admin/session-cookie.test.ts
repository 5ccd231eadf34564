import { describe, expect, it } from 'vitest';
import {
  clearedSessionCookie,
  isSecureRequest,
  readAdminSession,
  safeAdminPath,
  sessionCookie,
} from '../../app/admin/session-cookie.js';

const token = 'k3Jx'.repeat(10) + 'abc';
const csrfToken = 'Zq1_'.repeat(10) + 'x-y';

describe('the admin session cookie', () => {
  it('round-trips both tokens through Set-Cookie and Cookie', () => {
    const line = sessionCookie({ token, csrfToken }, new Date('2026-12-26T10:00:00Z'), {
      secure: false,
    });
    const cookiePair = line.split(';')[0]!;
    expect(readAdminSession(`theme=dark; ${cookiePair}; other=1`)).toEqual({ token, csrfToken });
  });

  it('is HttpOnly, SameSite=Lax, sent with every request of the panel (Path=/), and expires with the API session', () => {
    const line = sessionCookie({ token, csrfToken }, new Date('2026-12-26T10:00:00Z'), {
      secure: false,
    });
    expect(line).toContain('HttpOnly');
    expect(line).toContain('SameSite=Lax');
    expect(line).toContain('Path=/;');
    expect(line).toContain('Expires=Sat, 26 Dec 2026 10:00:00 GMT');
    expect(line).not.toContain('Secure');
    expect(sessionCookie({ token, csrfToken }, new Date(), { secure: true })).toMatch(/; Secure$/);
  });

  it('clears with an empty value dated in the past', () => {
    const line = clearedSessionCookie({ secure: true });
    expect(line).toMatch(/^inkwell_admin=; Path=\/; Expires=Thu, 01 Jan 1970/);
    expect(readAdminSession(line.split(';')[0]!)).toBeNull();
  });

  it('ignores values it did not write', () => {
    expect(readAdminSession(null)).toBeNull();
    expect(readAdminSession('inkwell_admin=short.x')).toBeNull();
    expect(readAdminSession(`inkwell_admin=${token}`)).toBeNull();
    expect(readAdminSession(`inkwell_admin=${token}.${csrfToken}.extra`)).toBeNull();
    expect(readAdminSession(`inkwell_admin=${token}.<script>${csrfToken}`)).toBeNull();
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
