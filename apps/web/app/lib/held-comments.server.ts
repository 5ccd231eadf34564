import { type AppLoadContext } from '@remix-run/node';
import { type HeldCommentView } from '@inkwell/contract';
import { apiFor } from '../api-client.server.js';
import { cookieSettings } from '../admin/session-cookie.js';
import {
  type HeldCommentRef,
  heldCommentsSetCookie,
  readHeldComments,
} from './held-comments-cookie.server.js';

export interface HeldCommentsOnPage {
  /** This visitor's comments on the post that still await moderation. */
  comments: HeldCommentView[];
  /** Whether the request carried a valid list: the page then answers this visitor alone. */
  personal: boolean;
  /** Set-Cookie dropping the ones approved or deleted since, when there are any. */
  setCookie: string | null;
}

const NONE: HeldCommentsOnPage = { comments: [], personal: false, setCookie: null };

/** The visitor's held comments on post `postId`, read from the API with the cookie's keys. */
export async function heldCommentsOnPage(
  request: Request,
  context: AppLoadContext,
  postId: number,
): Promise<HeldCommentsOnPage> {
  const refs = await readHeldComments(request.headers.get('Cookie'), context.sessionSecret);
  if (refs.length === 0) return NONE;
  let items: HeldCommentView[];
  try {
    ({ items } = await apiFor(context).post('/api/comments/held', { body: { comments: refs } }));
  } catch (error) {
    // The post itself was read: the page stays up without the visitor's own comments.
    context.log.warn({ err: error }, 'Reading held comments failed');
    return { ...NONE, personal: true };
  }
  const stillHeld = refs.filter((ref) => items.some((item) => item.id === ref.id));
  return {
    comments: items.filter((item) => item.postId === postId),
    personal: true,
    setCookie:
      stillHeld.length === refs.length
        ? null
        : await heldCommentsSetCookie(stillHeld, cookieSettings(request, context)),
  };
}

/** Set-Cookie adding a comment the API just held to the ones the visitor's cookie lists. */
export async function rememberHeldComment(
  request: Request,
  context: Pick<AppLoadContext, 'sessionSecret' | 'siteUrl'>,
  created: HeldCommentRef,
): Promise<string> {
  const refs = await readHeldComments(request.headers.get('Cookie'), context.sessionSecret);
  return heldCommentsSetCookie(
    [...refs.filter((ref) => ref.id !== created.id), created],
    cookieSettings(request, context),
  );
}
