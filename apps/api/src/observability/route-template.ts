import { type IncomingMessage } from 'node:http';

/** What Express leaves on a request it routed: the route's pattern and the router's mount. */
export interface RoutedRequest extends IncomingMessage {
  baseUrl?: string;
  route?: { path?: unknown };
}

/**
 * The label of an answered request in the duration histogram: the pattern of the route that
 * answered (`/api/posts/:slug`), or `(unmatched)` for a 404 no route took. Never the URL. The
 * API has no wildcard routes: a wildcard is the pattern of a middleware that saw the request
 * (the request logger's `{/*splat}`), not of a route.
 */
export function routeTemplateOf(req: RoutedRequest): string {
  const path = req.route?.path;
  return typeof path === 'string' && !path.includes('*')
    ? `${req.baseUrl ?? ''}${path}`
    : '(unmatched)';
}
