import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ServerBuild } from '@remix-run/node';

/** One page or resource of the site, as the Remix route manifest declares it. */
export interface SiteRoute {
  /** The route file's id: `routes/posts.$slug`. */
  id: string;
  /** URL pattern: `/posts/:slug`, `/*` for the catch-all. */
  path: string;
  /** Whether the route answers form posts (has an action). */
  hasAction: boolean;
}

/**
 * Every addressable route of a built site, read from its server build's manifest, so a new
 * route file is fuzzed without a new test. Layout-only routes (no path of their own beyond a
 * parent's index) are reached through their children.
 */
export async function siteRoutes(buildDir: string): Promise<SiteRoute[]> {
  const build = (await import(
    pathToFileURL(path.join(buildDir, 'server/index.js')).href
  )) as ServerBuild;
  const routes = build.routes;
  const fullPath = (id: string): string => {
    const route = routes[id]!;
    const own = route.path ?? '';
    const parent = route.parentId ? fullPath(route.parentId) : '';
    return [parent, own].filter(Boolean).join('/');
  };
  const hasIndexChild = (id: string) =>
    Object.values(routes).some((route) => route?.parentId === id && route.index);
  return Object.values(routes)
    .filter((route) => route !== undefined && route.id !== 'root' && !hasIndexChild(route.id))
    .map((route) => ({
      id: route.id,
      path: `/${fullPath(route.id)}`,
      hasAction: typeof route.module.action === 'function',
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
