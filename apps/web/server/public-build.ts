import { type ServerBuild } from '@remix-run/node';

/** The admin panel's routes: app/routes/admin.tsx, admin.*.tsx and admin_.*.tsx. */
const ADMIN_ROUTE_ID = /^routes\/admin(?:$|[._])/;

/**
 * Requests the whole build answers: the admin pages and their data (`/admin`, `/admin/posts`,
 * `/admin/posts.data`), and route discovery (`/__manifest`), which must find admin routes when a
 * reader's page links to one. Every other request is a reader's.
 */
export function needsWholeBuild(pathname: string): boolean {
  return pathname === '/__manifest' || /^\/admin(?:$|[/.])/.test(pathname);
}

/**
 * The build without the admin routes, for readers' requests: Remix matches every request
 * against the whole route tree, ranking and compiling each route's pattern anew, so a tree of
 * the readers' routes alone makes each page cheaper. Pages rendered from it hand the browser a
 * manifest of readers' routes; the browser discovers admin routes through `/__manifest`.
 */
export function withoutAdminRoutes(build: ServerBuild): ServerBuild {
  const readers = <T>(routes: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(routes).filter(([id]) => !ADMIN_ROUTE_ID.test(id)));
  return {
    ...build,
    routes: readers(build.routes),
    assets: { ...build.assets, routes: readers(build.assets.routes) },
  };
}
