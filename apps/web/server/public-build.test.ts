import { type ServerBuild } from '@remix-run/node';
import { describe, expect, it } from 'vitest';
import { needsWholeBuild, withoutAdminRoutes } from './public-build.js';

const ids = [
  'root',
  'routes/_index',
  'routes/posts.$slug',
  'routes/admin',
  'routes/admin._index',
  'routes/admin.posts.$id',
  'routes/admin_.login',
  'routes/administrators-guide',
  'routes/$',
];
const table = <T>(make: (id: string) => T): Record<string, T> =>
  Object.fromEntries(ids.map((id) => [id, make(id)]));
const build = {
  routes: table((id) => ({ id })),
  assets: { version: 'v1', url: '/assets/manifest.js', routes: table((id) => ({ id })) },
} as unknown as ServerBuild;

describe('withoutAdminRoutes', () => {
  it("keeps the readers' routes and drops the admin panel's, on the server and in the manifest", () => {
    const readers = withoutAdminRoutes(build);
    const kept = [
      'root',
      'routes/_index',
      'routes/posts.$slug',
      'routes/administrators-guide',
      'routes/$',
    ];
    expect(Object.keys(readers.routes)).toEqual(kept);
    expect(Object.keys(readers.assets.routes)).toEqual(kept);
    expect(readers.assets.version).toBe('v1');
    expect(Object.keys(build.routes)).toHaveLength(ids.length);
  });
});

describe('needsWholeBuild', () => {
  it('sends admin pages, their data and route discovery to the whole build', () => {
    for (const path of [
      '/admin',
      '/admin/',
      '/admin/posts/3',
      '/admin.data',
      '/admin/login',
      '/__manifest',
    ])
      expect(needsWholeBuild(path), path).toBe(true);
  });

  it("sends readers' pages and their data to the readers' build", () => {
    for (const path of [
      '/',
      '/_root.data',
      '/posts/admin',
      '/posts/a.data',
      '/administrators-guide',
    ])
      expect(needsWholeBuild(path), path).toBe(false);
  });
});
