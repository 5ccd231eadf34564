import { type ServerBuild } from '@remix-run/node';
import { type Request, type Response } from 'express';

/*
 * The label of a request in the site's duration histogram: a route template, never the URL,
 * so the series stay as few as the routes. Remix's own matcher ranks and compiles every route
 * on each call (~0.2 ms here); these patterns are compiled once and tried in its order.
 */

/** Paths the server itself answers under a prefix: API proxies and static bundles. */
const MOUNTED_PREFIXES = ['/images', '/realtime', '/bundles', '/assets'];
/** Where a handler names its route when Express cannot (static files). */
export const ROUTE_LOCAL = 'route';

interface CompiledRoute {
  template: string;
  pattern: RegExp;
  score: number;
}

type RouteManifest = ServerBuild['routes'];

/** React Router's ranking (computeScore): static segments beat dynamic ones, splats come last. */
function scoreOf(template: string, index: boolean): number {
  const segments = template.split('/');
  let score = segments.length + (segments.includes('*') ? -2 : 0) + (index ? 2 : 0);
  for (const segment of segments) {
    if (segment === '*') continue;
    score += segment.startsWith(':') ? 3 : segment === '' ? 1 : 10;
  }
  return score;
}

function patternOf(template: string): RegExp {
  const source = template
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*';
      if (segment.startsWith(':')) return segment.endsWith('?') ? '[^/]*' : '[^/]+';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}/?$`, 'i');
}

/** The full path of a route: its ancestors' paths joined (pathless layouts add nothing). */
function templateOf(routes: RouteManifest, id: string): string {
  const parts: string[] = [];
  for (let route = routes[id]; route; route = route.parentId ? routes[route.parentId] : undefined) {
    if (route.path) parts.unshift(route.path);
  }
  return `/${parts.join('/')}`;
}

/**
 * A function naming the Remix route template a path renders (`/posts/:slug`); a data request
 * (`/posts/a.data`) is its page's template with `.data`. Every path has one while the build
 * has a splat route (`/*`, the 404 page).
 */
export function createRemixRouteLabeller(routes: RouteManifest): (pathname: string) => string {
  const compiled: CompiledRoute[] = Object.values(routes)
    .filter((route) => route.path !== undefined || route.index)
    .map((route) => {
      const template = templateOf(routes, route.id);
      return { template, pattern: patternOf(template), score: scoreOf(template, !!route.index) };
    })
    .sort((a, b) => b.score - a.score);
  return (pathname) => {
    const data = pathname.endsWith('.data');
    const page = data ? pathname.slice(0, -'.data'.length).replace(/^\/_root$/, '/') : pathname;
    const template = compiled.find((route) => route.pattern.test(page))?.template ?? '(unmatched)';
    return data ? `${template}.data` : template;
  };
}

/**
 * The label of an answered request: the route a handler named, the prefix the server mounts
 * it under, the Express route that took it, else the Remix page it is (answered from the page
 * cache or rendered).
 */
export function siteRouteOf(
  remixRoute: (pathname: string) => string,
): (req: Request, res: Response) => string {
  return (req, res) => {
    const named = res.locals[ROUTE_LOCAL] as string | undefined;
    if (named) return named;
    const path = req.originalUrl.split('?', 1)[0]!;
    const prefix = MOUNTED_PREFIXES.find((mount) => path === mount || path.startsWith(`${mount}/`));
    if (prefix) return `${prefix}/*`;
    const expressRoute = (req.route as { path?: unknown } | undefined)?.path;
    if (typeof expressRoute === 'string' && expressRoute !== '*') return expressRoute;
    return remixRoute(path);
  };
}
