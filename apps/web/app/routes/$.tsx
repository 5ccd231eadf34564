import { type LoaderFunctionArgs } from '@remix-run/node';
import { redirectFromOldAddress } from '../lib/old-address.server.js';

/**
 * Any address no other route claims: an imported post's old address redirects to the post, any
 * other answers 404 (the root error boundary renders the page).
 */
export function loader({ request, context }: LoaderFunctionArgs): Promise<never> {
  const url = new URL(request.url);
  return redirectFromOldAddress(context, `${url.pathname}${url.search}`);
}

export default function Unreachable() {
  return null;
}
