import { describe, expect, test } from 'vitest';
import {
  HELD_COMMENTS_COOKIE,
  heldCommentsSetCookie,
  MAX_HELD_COMMENTS,
  readHeldComments,
} from './held-comments-cookie.server.js';

const secret = 's'.repeat(43);
const settings = { secret, secure: false };
const ref = (id: number) => ({ id, key: `key-of-comment-${String(id).padStart(6, '0')}` });

/** The `name=value` a browser sends back for a Set-Cookie. */
const sentBack = (setCookie: string) => setCookie.split(';')[0]!;

describe('the held-comments cookie', () => {
  test('lists the comments it was given, httpOnly, SameSite=Lax, on /posts, for two hours', async () => {
    const setCookie = await heldCommentsSetCookie([ref(7), ref(9)], settings);
    expect(setCookie).toMatch(new RegExp(`^${HELD_COMMENTS_COOKIE}=`));
    expect(setCookie).toMatch(/; Max-Age=7200/);
    expect(setCookie).toMatch(/; Path=\/posts/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Lax/);
    expect(await readHeldComments(sentBack(setCookie), secret)).toEqual([ref(7), ref(9)]);
  });

  test('a tampered cookie lists nothing', async () => {
    const [name, value] = sentBack(await heldCommentsSetCookie([ref(7)], settings)).split('=');
    const [payload, signature] = decodeURIComponent(value!).split('.');
    const forged = Buffer.from(JSON.stringify([ref(8)])).toString('base64');
    const tampered = [
      `${name}=${encodeURIComponent(`${forged}.${signature}`)}`,
      `${name}=${encodeURIComponent(`${payload}.${signature!.slice(0, -2)}AA`)}`,
      `${name}=${encodeURIComponent(forged)}`,
    ];
    for (const cookie of tampered) expect(await readHeldComments(cookie, secret)).toEqual([]);
  });

  test('a cookie signed with another secret lists nothing', async () => {
    const other = await heldCommentsSetCookie([ref(7)], { secret: 'o'.repeat(43), secure: false });
    expect(await readHeldComments(sentBack(other), secret)).toEqual([]);
  });

  test('keeps the newest when there are too many, and forgets the cookie when none are left', async () => {
    const many = Array.from({ length: MAX_HELD_COMMENTS + 3 }, (_, i) => ref(i + 1));
    const kept = await readHeldComments(
      sentBack(await heldCommentsSetCookie(many, settings)),
      secret,
    );
    expect(kept.map((item) => item.id)).toEqual(many.slice(3).map((item) => item.id));
    const cleared = await heldCommentsSetCookie([], settings);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
  });

  test('no cookie, or another one, lists nothing', async () => {
    expect(await readHeldComments(null, secret)).toEqual([]);
    expect(await readHeldComments('inkwell_admin=abc', secret)).toEqual([]);
  });
});
