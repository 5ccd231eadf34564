import { type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { adminLoad } from '../admin/session.server.js';

/** The panel opens on the post list (after the login, when there is no session). */
export function loader(args: LoaderFunctionArgs) {
  return adminLoad(args, async () => redirect('/admin/posts'));
}
