import { createCookie } from '@remix-run/node';
import { VIEW_KEY_PATTERN } from '@inkwell/contract';
import { z } from 'zod';

/*
 * The comments this browser wrote that still await moderation, so the post page can show them
 * to their writer alone. One cookie signed by the site (HMAC-SHA256 with the session secret):
 * a cookie whose signature does not match is ignored whole. HttpOnly, SameSite=Lax, Path=/posts
 * (the post pages, their form posts and their `.data` loads), for two hours. A page read with
 * it is private: the page cache neither serves nor stores a request with a cookie
 * (server/page-cache.ts), and the loader marks the answer `private, no-store`.
 */

export const HELD_COMMENTS_COOKIE = 'inkwell_held_comments';

/** Long enough to see one's comment after posting and on a return visit the same day. */
export const HELD_COMMENTS_SECONDS = 2 * 60 * 60;

/** The newest ones kept when a visitor writes more: a cookie has room for a few KB. */
export const MAX_HELD_COMMENTS = 20;

const heldCommentRef = z.strictObject({
  id: z.number().int().positive(),
  key: z.string().regex(VIEW_KEY_PATTERN),
});
export type HeldCommentRef = z.infer<typeof heldCommentRef>;

const heldCommentRefs = z.array(heldCommentRef).max(MAX_HELD_COMMENTS);

function heldCommentsCookie(secret: string) {
  return createCookie(HELD_COMMENTS_COOKIE, {
    path: '/posts',
    httpOnly: true,
    sameSite: 'lax',
    maxAge: HELD_COMMENTS_SECONDS,
    secrets: [secret],
  });
}

/** The held comments the request's cookie lists; none when it is missing, unsigned or altered. */
export async function readHeldComments(
  cookieHeader: string | null,
  secret: string,
): Promise<HeldCommentRef[]> {
  const parsed = heldCommentRefs.safeParse(await heldCommentsCookie(secret).parse(cookieHeader));
  return parsed.success ? parsed.data : [];
}

/** Set-Cookie listing `refs` (the newest kept), or forgetting the cookie when there are none. */
export function heldCommentsSetCookie(
  refs: readonly HeldCommentRef[],
  { secret, secure }: { secret: string; secure: boolean },
): Promise<string> {
  const cookie = heldCommentsCookie(secret);
  if (refs.length === 0) return cookie.serialize('', { expires: new Date(0), maxAge: 0, secure });
  const kept = refs.slice(-MAX_HELD_COMMENTS).map(({ id, key }) => ({ id, key }));
  return cookie.serialize(kept, { secure });
}
